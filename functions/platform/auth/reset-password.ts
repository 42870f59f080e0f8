import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { endSessions } from '@halooid/shared/sessions';
import { accountKey, clearFailedSignIns, guardAttempt } from './abuse-limits';
import {
  cognitoErrorName,
  invalidCode,
  isCodeRejection,
  mapCommonCognitoError,
  weakPassword,
} from './cognito-errors';
import type { AuthDeps, Caller } from './deps';
import { assertPasswordAllowedFor, rememberPassword } from './password-rules';

/**
 * Sets a new password with the emailed code, within the strictest password
 * policy of the account's workspaces. Proving the mailbox is enough
 * to lift a login lockout, so a locked-out owner is never stuck. Every
 * session of the account ends: its access tokens through the user's
 * not-before (found by the Cognito `sub`), its refresh tokens in AWS through
 * AdminUserGlobalSignOut (cognito-local lacks it, `deps.globalSignOut`).
 */
export async function resetPassword(
  input: { email: string; code: string; password: string },
  caller: Caller,
  deps: Pick<
    AuthDeps,
    | 'cognito'
    | 'clientId'
    | 'userPoolId'
    | 'cache'
    | 'limits'
    | 'globalSignOut'
    | 'revocations'
    | 'transaction'
  >,
): Promise<void> {
  const account = accountKey(input.email);
  await guardAttempt('password', { ip: caller.ip, account }, deps);
  // Checked before the code is spent; an unknown email passes here and fails on the code like any other.
  await assertPasswordAllowedFor(account, input.password, 'body.password', deps);
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
  const sub = await endEverySession(account, deps);
  await rememberPassword(sub, input.password, deps);
}

async function endEverySession(
  username: string,
  deps: Pick<AuthDeps, 'cognito' | 'userPoolId' | 'globalSignOut' | 'revocations' | 'transaction'>,
): Promise<string> {
  const sdk = cognitoSdk();
  const user = await deps.cognito.send(
    new sdk.AdminGetUserCommand({ UserPoolId: deps.userPoolId, Username: username }),
  );
  const sub = user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error('Cognito returned a user without a sub');
  if (deps.globalSignOut) {
    await deps.cognito.send(
      new sdk.AdminUserGlobalSignOutCommand({ UserPoolId: deps.userPoolId, Username: username }),
    );
  }
  await deps.transaction({ userId: sub }, (tx) =>
    endSessions(tx, deps, { userId: sub, reason: 'password_reset' }),
  );
  return sub;
}
