import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import type { Logger } from '@halooid/shared/observability';
import { cognitoErrorName } from './cognito-errors';
import type { AuthDeps } from './deps';

/**
 * Ends the session: RevokeToken makes the refresh token (and the access
 * tokens minted from it) stop working. In AWS, when the caller still has its
 * access token, GlobalSignOut also ends every other session of the user
 * (other browsers, the mobile app); cognito-local lacks that API, so it is
 * off locally (`deps.globalSignOut`). Logging out twice, or with a token
 * already dead, is not an error: the outcome the caller wants holds.
 */
export async function logOut(
  input: { refreshToken?: string; accessToken?: string },
  deps: Pick<AuthDeps, 'cognito' | 'clientId' | 'globalSignOut'>,
  logger?: Pick<Logger, 'info'>,
): Promise<void> {
  if (input.refreshToken) {
    try {
      await deps.cognito.send(
        new (cognitoSdk().RevokeTokenCommand)({ ClientId: deps.clientId, Token: input.refreshToken }),
      );
    } catch (error) {
      if (!isAlreadyDead(error)) throw error;
      logger?.info('Refresh token was already invalid at logout');
    }
  }
  if (input.accessToken && deps.globalSignOut) {
    try {
      await deps.cognito.send(new (cognitoSdk().GlobalSignOutCommand)({ AccessToken: input.accessToken }));
    } catch (error) {
      if (!isAlreadyDead(error)) throw error;
    }
  }
}

function isAlreadyDead(error: unknown): boolean {
  const name = cognitoErrorName(error);
  return name === 'NotAuthorizedException' || name === 'UnsupportedTokenTypeException';
}
