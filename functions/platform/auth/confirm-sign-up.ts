import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { accountKey, guardAttempt } from './abuse-limits';
import { invalidCode, isCodeRejection, mapCommonCognitoError } from './cognito-errors';
import type { AuthDeps, Caller } from './deps';

/**
 * Confirms the email address with the code Cognito sent. A wrong code, an
 * unknown email and an already confirmed account all get the same 400.
 */
export async function confirmSignUp(
  input: { email: string; code: string },
  caller: Caller,
  deps: Pick<AuthDeps, 'cognito' | 'clientId' | 'cache' | 'limits'>,
): Promise<{ status: 'confirmed' }> {
  const account = accountKey(input.email);
  await guardAttempt('confirm', { ip: caller.ip, account }, deps);
  try {
    await deps.cognito.send(
      new (cognitoSdk().ConfirmSignUpCommand)({
        ClientId: deps.clientId,
        Username: account,
        ConfirmationCode: input.code,
      }),
    );
  } catch (error) {
    if (isCodeRejection(error)) throw invalidCode();
    throw mapCommonCognitoError(error);
  }
  return { status: 'confirmed' };
}
