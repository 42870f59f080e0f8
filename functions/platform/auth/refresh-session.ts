import type { InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { UnauthorizedError } from '@halooid/shared/errors';
import { cognitoErrorName, mapCommonCognitoError } from './cognito-errors';
import type { AuthDeps } from './deps';

export interface RefreshedSession {
  accessToken: string;
  /** Only when Cognito rotated the refresh token. */
  refreshToken?: string;
  expiresIn: number;
}

/** A new access token for a refresh token; a revoked, expired or unknown one is a 401. */
export async function refreshSession(
  refreshToken: string | undefined,
  deps: Pick<AuthDeps, 'cognito' | 'clientId'>,
): Promise<RefreshedSession> {
  if (!refreshToken) throw new UnauthorizedError('No refresh token: sign in again.');
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
      throw new UnauthorizedError('The session has ended: sign in again.');
    }
    throw mapCommonCognitoError(error);
  }
  const tokens = answer.AuthenticationResult;
  if (!tokens?.AccessToken) throw new UnauthorizedError('The session has ended: sign in again.');
  return {
    accessToken: tokens.AccessToken,
    ...(tokens.RefreshToken ? { refreshToken: tokens.RefreshToken } : {}),
    expiresIn: tokens.ExpiresIn ?? 3600,
  };
}
