import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { accountKey, clearFailedSignIns, guardAttempt } from './abuse-limits';
import {
  cognitoErrorName,
  invalidCode,
  isCodeRejection,
  mapCommonCognitoError,
  weakPassword,
} from './cognito-errors';
import type { AuthDeps, Caller } from './deps';

/**
 * Sets a new password with the emailed code. Proving the mailbox is enough
 * to lift a login lockout, so a locked-out owner is never stuck.
 */
export async function resetPassword(
  input: { email: string; code: string; password: string },
  caller: Caller,
  deps: Pick<AuthDeps, 'cognito' | 'clientId' | 'cache' | 'limits'>,
): Promise<void> {
  const account = accountKey(input.email);
  await guardAttempt('password', { ip: caller.ip, account }, deps);
  try {
    await deps.cognito.send(
      new (cognitoSdk().ConfirmForgotPasswordCommand)({
        ClientId: deps.clientId,
        Username: account,
        ConfirmationCode: input.code,
        Password: input.password,
      }),
    );
  } catch (error) {
    if (cognitoErrorName(error) === 'InvalidPasswordException') throw weakPassword('body.password', error);
    if (isCodeRejection(error)) throw invalidCode();
    throw mapCommonCognitoError(error);
  }
  await clearFailedSignIns(account, deps);
}
