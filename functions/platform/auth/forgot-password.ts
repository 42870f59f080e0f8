import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import type { Logger } from '@halooid/shared/observability';
import { accountKey, guardAttempt } from './abuse-limits';
import { cognitoErrorName } from './cognito-errors';
import type { AuthDeps, Caller } from './deps';

export const FORGOT_PASSWORD_ANSWER = {
  status: 'pending',
  message: 'If an account uses this address, we have sent it a code to reset the password.',
} as const;

/** Cognito's refusals that depend on the account, so they must not show. */
const SILENCED = new Set([
  'UserNotFoundException',
  'NotAuthorizedException',
  'InvalidParameterException',
  'LimitExceededException',
  'CodeDeliveryFailureException',
]);

/**
 * Emails a reset code. The answer is the same whether or not the address has
 * an account (or is unconfirmed, or has hit Cognito's own sending limit).
 */
export async function forgotPassword(
  input: { email: string },
  caller: Caller,
  deps: Pick<AuthDeps, 'cognito' | 'clientId' | 'cache' | 'limits'>,
  logger?: Pick<Logger, 'info'>,
): Promise<typeof FORGOT_PASSWORD_ANSWER> {
  const account = accountKey(input.email);
  await guardAttempt('password', { ip: caller.ip, account }, deps);
  try {
    await deps.cognito.send(
      new (cognitoSdk().ForgotPasswordCommand)({ ClientId: deps.clientId, Username: account }),
    );
  } catch (error) {
    const name = cognitoErrorName(error);
    if (!name || !SILENCED.has(name)) throw error;
    logger?.info('Password reset not sent', { reason: name });
  }
  return FORGOT_PASSWORD_ANSWER;
}
