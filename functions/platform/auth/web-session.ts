import type { SignInOutcome } from './complete-sign-in';

/**
 * The web app says who it is with `X-Halooid-Client: web` and then never
 * sees its refresh token: it lives in an httpOnly cookie scoped to the auth
 * routes, out of reach of page scripts (XSS) and never sent cross-site
 * (SameSite=Strict). Other clients (mobile, CLI, integrators' tools) get it
 * in the body and send it back in the body.
 */
export const REFRESH_COOKIE = 'halooid_refresh';
export const CLIENT_HEADER = 'x-halooid-client';
/** Matches the app clients' refresh token validity (30 days). */
export const REFRESH_COOKIE_MAX_AGE = 30 * 24 * 3600;

const COOKIE_ATTRIBUTES = 'HttpOnly; Secure; SameSite=Strict; Path=/v1/auth';

export function isWebClient(headers: Record<string, string>): boolean {
  return headers[CLIENT_HEADER]?.trim().toLowerCase() === 'web';
}

export function refreshCookie(token: string): string {
  return `${REFRESH_COOKIE}=${token}; ${COOKIE_ATTRIBUTES}; Max-Age=${REFRESH_COOKIE_MAX_AGE}`;
}

export function clearedRefreshCookie(): string {
  return `${REFRESH_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`;
}

/**
 * The refresh token a request carries: the cookie for the web app (only
 * with its header, which a cross-site form cannot send without a CORS
 * preflight), otherwise the body.
 */
export function refreshTokenOf(headers: Record<string, string>, body: { refreshToken?: string } | undefined) {
  if (body?.refreshToken) return body.refreshToken;
  if (!isWebClient(headers)) return undefined;
  return cookieValue(headers.cookie, REFRESH_COOKIE);
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim() || undefined;
  }
  return undefined;
}

/** The access token of an authenticated request (the authorizer already verified it). */
export function bearerToken(headers: Record<string, string>): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization?.trim() ?? '');
  return match?.[1];
}

/** A sign-in outcome as the HTTP answer: the web app gets the refresh token only as a cookie. */
export function signInResult(outcome: SignInOutcome, headers: Record<string, string>) {
  if (outcome.kind === 'challenge') {
    return { body: { challenge: outcome.challenge, session: outcome.session } };
  }
  const { kind: _kind, refreshToken, ...rest } = outcome;
  if (isWebClient(headers)) return { body: rest, cookies: [refreshCookie(refreshToken)] };
  return { body: { ...rest, refreshToken } };
}
