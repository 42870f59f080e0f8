import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import type { Logger } from '@halooid/shared/observability';

/** The Cognito side of the member actions; each runs after the database change has committed. */
export interface CognitoAccountDeps {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  clientId: string;
  /** True against cognito-local, which lacks some admin calls. */
  local: boolean;
  logger: Pick<Logger, 'warn'>;
}

/** Refusals that are about the account (gone, or Cognito's own send limit), not about us. */
const ACCOUNT_REFUSALS = new Set([
  'UserNotFoundException',
  'InvalidParameterException',
  'LimitExceededException',
  'CodeDeliveryFailureException',
  'NotAuthorizedException',
]);

/**
 * Starts the forgot-password email, the flow the platform's
 * POST /v1/auth/password/forgot uses, so the member gets the same code mail
 * and the same reset screen. Returns whether Cognito accepted it; the
 * account is marked for reset either way.
 */
export async function sendPasswordResetCode(email: string, deps: CognitoAccountDeps): Promise<boolean> {
  try {
    await deps.cognito.send(
      new (cognitoSdk().ForgotPasswordCommand)({ ClientId: deps.clientId, Username: email.toLowerCase() }),
    );
    return true;
  } catch (error) {
    const name = (error as Error).name;
    if (!ACCOUNT_REFUSALS.has(name)) throw error;
    deps.logger.warn('Password reset code not sent', { reason: name });
    return false;
  }
}

/**
 * Turns off the member's TOTP in Cognito (AdminSetUserMFAPreference).
 * cognito-local has no such call; there the platform's mfa_enabled flag,
 * which sign-in reads, is the whole of it.
 */
export async function disableCognitoMfa(email: string, deps: CognitoAccountDeps): Promise<void> {
  try {
    await deps.cognito.send(
      new (cognitoSdk().AdminSetUserMFAPreferenceCommand)({
        UserPoolId: deps.userPoolId,
        Username: email.toLowerCase(),
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      }),
    );
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'UserNotFoundException') return;
    if (!deps.local) throw error;
    deps.logger.warn('MFA not reset in the local Cognito stand-in', { reason: name });
  }
}
