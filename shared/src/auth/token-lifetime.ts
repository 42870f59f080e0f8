/**
 * How long a Cognito access (and ID) token lives, in seconds: the one place
 * this number is set. infra/aws configures the app clients with it, and the
 * revocation records (revocations.ts) live exactly this long, because a
 * revocation has nothing left to refuse once every token it covers expired.
 */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 15 * 60;
