import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import type { VerifiedAccessToken } from '@halooid/shared/auth/token-verifier';
import { UnauthorizedError } from '@halooid/shared/errors';
import type { Logger } from '@halooid/shared/observability';
import { endSessions, refreshTokenHash } from '@halooid/shared/sessions';
import { cognitoErrorName } from './cognito-errors';
import type { AuthDeps } from './deps';
import { endMySession, sessionForRefresh } from './identity-records';

/**
 * Ends a session, or with `everywhere` every session of the user.
 *
 * - The refresh token (when given) is revoked (RevokeToken), so this session
 *   can mint no new access token.
 * - One session: the presented access token's session (`origin_jti`) goes on
 *   the denylist the authorizer checks, so its access token stops working
 *   within seconds instead of at its expiry; the user's other sessions go on.
 * - Everywhere (needs a valid access token, to know who): the user's
 *   not-before moves to now, refusing every access token issued so far, and in
 *   AWS GlobalSignOut revokes every refresh token (cognito-local lacks that
 *   API, `deps.globalSignOut`). It answers once a new sign-in would count.
 *
 * The session rows end too (this one, or all with `everywhere`), so their
 * refresh tokens are refused (refresh-session.ts) even where Cognito would
 * still take them.
 *
 * Logging out twice, or with a token already dead, is not an error: the
 * outcome the caller wants holds.
 */
export async function logOut(
  input: { refreshToken?: string; accessToken?: string; everywhere?: boolean },
  deps: Pick<AuthDeps, 'cognito' | 'clientId' | 'globalSignOut' | 'verifier' | 'revocations' | 'transaction'>,
  logger?: Pick<Logger, 'info'>,
): Promise<void> {
  const verified = input.accessToken ? await verifiedOrNothing(input.accessToken, deps) : undefined;
  if (input.everywhere && !verified) {
    throw new UnauthorizedError(
      'Signing out everywhere needs Authorization: Bearer <access token> with a valid access token.',
    );
  }
  if (input.refreshToken) {
    const session = await deps.transaction({}, (tx) =>
      sessionForRefresh(tx, refreshTokenHash(input.refreshToken ?? '')),
    );
    if (session && !session.endedAt) {
      await deps.transaction({ userId: session.userId }, (tx) =>
        endMySession(tx, session.userId, session.id, 'logout'),
      );
    }
    try {
      await deps.cognito.send(
        new (cognitoSdk().RevokeTokenCommand)({ ClientId: deps.clientId, Token: input.refreshToken }),
      );
    } catch (error) {
      if (!isAlreadyDead(error)) throw error;
      logger?.info('Refresh token was already invalid at logout');
    }
  }
  if (!verified) return;
  if (!input.everywhere) {
    await deps.revocations.revokeSession(verified.sessionId, verified.expiresAt);
    return;
  }
  if (input.accessToken && deps.globalSignOut) {
    try {
      await deps.cognito.send(new (cognitoSdk().GlobalSignOutCommand)({ AccessToken: input.accessToken }));
    } catch (error) {
      if (!isAlreadyDead(error)) throw error;
    }
  }
  await deps.transaction({ userId: verified.sub }, (tx) =>
    endSessions(tx, deps, { userId: verified.sub, reason: 'logout_everywhere' }),
  );
}

async function verifiedOrNothing(
  token: string,
  deps: Pick<AuthDeps, 'verifier'>,
): Promise<VerifiedAccessToken | undefined> {
  try {
    return await deps.verifier.verify(token);
  } catch {
    return undefined;
  }
}

function isAlreadyDead(error: unknown): boolean {
  const name = cognitoErrorName(error);
  return name === 'NotAuthorizedException' || name === 'UnsupportedTokenTypeException';
}
