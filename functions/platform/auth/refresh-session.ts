import type { InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from '@halooid/shared/auth/token-lifetime';
import { UnauthorizedError } from '@halooid/shared/errors';
import { strictestSessionPolicy } from '@halooid/shared/security-policy';
import { refreshTokenHash } from '@halooid/shared/sessions';
import { cognitoErrorName, mapCommonCognitoError } from './cognito-errors';
import type { AuthDeps, Caller } from './deps';
import {
  endMySession,
  myTenantPolicies,
  recordSignInEvent,
  type StoredSession,
  sessionForRefresh,
  touchSession,
} from './identity-records';

export interface RefreshedSession {
  accessToken: string;
  /** Only when Cognito rotated the refresh token. */
  refreshToken?: string;
  expiresIn: number;
}

export type RefreshDeps = Pick<
  AuthDeps,
  'cognito' | 'clientId' | 'verifier' | 'transaction' | 'revocations' | 'now'
>;

const ENDED = 'The session has ended: sign in again.';

/**
 * A new access token for a refresh token. Cognito's own checks are not
 * enough: a refresh token stays good there until it expires (cognito-local
 * cannot revoke them globally), so ours come first, on the session row the
 * token's hash finds:
 * - no row (a token from before sessions were recorded, or made up), or an
 *   ended session (logout, an admin's sign-out): refused;
 * - the user's not-before (sign out everywhere, password change or reset,
 *   an admin disabling them) later than the sign-in: refused and ended;
 * - past the strictest session lifetime or idle timeout of the user's
 *   workspaces: refused and ended. Idle time counts from the last refresh,
 *   and an active client refreshes at least once an access-token lifetime,
 *   so a timeout shorter than that lifetime counts as that lifetime.
 * Each refusal is a `refresh_refused` sign-in event. Otherwise Cognito
 * answers and the row records the refresh (time, address, access token).
 */
export async function refreshSession(
  refreshToken: string | undefined,
  caller: Caller,
  deps: RefreshDeps,
): Promise<RefreshedSession> {
  if (!refreshToken) throw new UnauthorizedError('No refresh token: sign in again.');
  const session = await deps.transaction({}, (tx) => sessionForRefresh(tx, refreshTokenHash(refreshToken)));
  if (!session) throw new UnauthorizedError(ENDED);
  const refusal = session.endedAt ? 'ended' : await refusalOf(session, deps);
  if (refusal) {
    await deps.transaction({ userId: session.userId }, async (tx) => {
      if (refusal !== 'ended') await endMySession(tx, session.userId, session.id, refusal);
      await recordSignInEvent(
        tx,
        { userId: session.userId, outcome: 'refresh_refused', reason: refusal },
        caller,
      );
    });
    throw new UnauthorizedError(ENDED);
  }
  let answer: InitiateAuthCommandOutput;
  try {
    answer = await deps.cognito.send(
      new (cognitoSdk().InitiateAuthCommand)({
        ClientId: deps.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    );
  } catch (error) {
    if (cognitoErrorName(error) === 'NotAuthorizedException') {
      await deps.transaction({ userId: session.userId }, (tx) =>
        endMySession(tx, session.userId, session.id, 'refresh_token_refused'),
      );
      throw new UnauthorizedError(ENDED);
    }
    throw mapCommonCognitoError(error);
  }
  const tokens = answer.AuthenticationResult;
  if (!tokens?.AccessToken) throw new UnauthorizedError(ENDED);
  // AWS keeps origin_jti across refreshes; cognito-local gives each token a new jti: the row follows the latest.
  const { sessionId } = await deps.verifier.verify(tokens.AccessToken);
  await deps.transaction({ userId: session.userId }, (tx) =>
    touchSession(
      tx,
      session.id,
      {
        accessSessionId: sessionId,
        refreshHash: tokens.RefreshToken ? refreshTokenHash(tokens.RefreshToken) : undefined,
      },
      caller,
    ),
  );
  return {
    accessToken: tokens.AccessToken,
    ...(tokens.RefreshToken ? { refreshToken: tokens.RefreshToken } : {}),
    expiresIn: tokens.ExpiresIn ?? 3600,
  };
}

/** Why the session may not refresh, or undefined. */
async function refusalOf(session: StoredSession, deps: RefreshDeps): Promise<string | undefined> {
  const state = await deps.revocations.read(session.userId, session.accessSessionId ?? '');
  if (state.sessionRevoked) return 'signed_out';
  if (state.notBefore !== undefined && session.createdAt.getTime() < state.notBefore * 1000) return 'revoked';
  const tenants = await deps.transaction({ userId: session.userId }, (tx) => myTenantPolicies(tx));
  const limits = strictestSessionPolicy(tenants.map((tenant) => tenant.policy));
  const now = (deps.now?.() ?? new Date()).getTime();
  if (now - session.createdAt.getTime() > limits.lifetimeHours * 3_600_000) return 'lifetime_exceeded';
  const idleMs = Math.max(limits.idleTimeoutMinutes * 60_000, ACCESS_TOKEN_LIFETIME_SECONDS * 1000 + 60_000);
  if (now - session.lastSeenAt.getTime() > idleMs) return 'idle_timeout';
  return undefined;
}
