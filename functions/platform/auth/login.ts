import {
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AccessTokenVerifier } from '@halooid/shared/auth/token-verifier';
import type { TenantScope, Tx } from '@halooid/shared/db/transaction';
import { AppError, TooManyRequestsError, UnauthorizedError } from '@halooid/shared/errors';
import { type TenantSummary, tenantsOfUser } from '@halooid/shared/tenancy';

export interface LoginDeps {
  cognito: CognitoIdentityProviderClient;
  clientId: string;
  verifier: AccessTokenVerifier;
  transaction: <T>(scope: TenantScope, work: (tx: Tx) => Promise<T>) => Promise<T>;
}

export interface LoginResult {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tenants: TenantSummary[];
}

/**
 * Password sign-in. Wrong password and unknown email get the same answer, so
 * the endpoint does not reveal who has an account.
 */
export async function login(
  input: { email: string; password: string },
  deps: LoginDeps,
): Promise<LoginResult> {
  let result: InitiateAuthCommandOutput;
  try {
    result = await deps.cognito.send(
      new InitiateAuthCommand({
        ClientId: deps.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: input.email.toLowerCase(), PASSWORD: input.password },
      }),
    );
  } catch (error) {
    throw mapCognitoError(error);
  }
  const tokens = result.AuthenticationResult;
  if (!tokens?.AccessToken || !tokens.RefreshToken) {
    throw new AppError(
      403,
      'challenge_required',
      `Sign-in needs a further step (${result.ChallengeName ?? 'unknown'}).`,
    );
  }
  const { sub } = await deps.verifier.verify(tokens.AccessToken);
  const tenants = await deps.transaction({ userId: sub }, (tx) => tenantsOfUser(tx, sub));
  return {
    accessToken: tokens.AccessToken,
    refreshToken: tokens.RefreshToken,
    expiresIn: tokens.ExpiresIn ?? 3600,
    tenants,
  };
}

function mapCognitoError(error: unknown): Error {
  const name = (error as { name?: string } | null)?.name;
  switch (name) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
    // cognito-local answers a wrong password with this where Cognito says NotAuthorized.
    case 'InvalidPasswordException':
      return new UnauthorizedError('Incorrect email or password.');
    case 'UserNotConfirmedException':
      return new AppError(403, 'user_not_confirmed', 'Confirm your email address before signing in.');
    case 'PasswordResetRequiredException':
      return new AppError(403, 'password_reset_required', 'Reset your password before signing in.');
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return new TooManyRequestsError(30);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}
