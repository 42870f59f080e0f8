import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { ValidationError } from '@halooid/shared/errors';
import { endSessions } from '@halooid/shared/sessions';
import { guardAttempt } from './abuse-limits';
import { cognitoErrorMessage, cognitoErrorName, mapCommonCognitoError, weakPassword } from './cognito-errors';
import type { AuthDeps, Caller } from './deps';
import { assertPasswordAllowed, rememberPassword } from './password-rules';

/**
 * Changes the signed-in user's password, within the strictest password
 * policy of their workspaces (length, classes, not one of the last N). Cognito needs the access token (it
 * acts as the user, not as an admin) and the current password; guesses at
 * the current password with a stolen token are rate limited per user.
 * Afterwards every session ends, this one included: in AWS GlobalSignOut
 * revokes the refresh tokens, and everywhere the user's not-before refuses
 * the access tokens issued so far (whoever knew the old password may hold
 * one). It answers once a new sign-in would count.
 */
export async function changePassword(
  input: { currentPassword: string; newPassword: string },
  user: { id: string; accessToken: string },
  caller: Caller,
  deps: Pick<AuthDeps, 'cognito' | 'cache' | 'limits' | 'globalSignOut' | 'revocations' | 'transaction'>,
): Promise<void> {
  await guardAttempt('password', { ip: caller.ip, account: `user:${user.id}` }, deps);
  await deps.transaction({ userId: user.id }, (tx) =>
    assertPasswordAllowed(tx, input.newPassword, 'body.newPassword'),
  );
  try {
    await deps.cognito.send(
      new (cognitoSdk().ChangePasswordCommand)({
        AccessToken: user.accessToken,
        PreviousPassword: input.currentPassword,
        ProposedPassword: input.newPassword,
      }),
    );
  } catch (error) {
    const name = cognitoErrorName(error);
    const message = cognitoErrorMessage(error);
    // Cognito: NotAuthorized "Incorrect username or password."; cognito-local: InvalidPassword "Invalid password".
    if (
      (name === 'NotAuthorizedException' && /incorrect/i.test(message)) ||
      (name === 'InvalidPasswordException' && !/conform|policy|previously|history/i.test(message))
    ) {
      throw new ValidationError('The current password is not correct.', [
        { field: 'body.currentPassword', message: 'Incorrect password.', code: 'incorrect_password' },
      ]);
    }
    if (name === 'InvalidPasswordException') throw weakPassword('body.newPassword', error);
    throw mapCommonCognitoError(error);
  }
  if (deps.globalSignOut) {
    await deps.cognito.send(new (cognitoSdk().GlobalSignOutCommand)({ AccessToken: user.accessToken }));
  }
  await rememberPassword(user.id, input.newPassword, deps);
  await deps.transaction({ userId: user.id }, (tx) =>
    endSessions(tx, deps, { userId: user.id, reason: 'password_changed' }),
  );
}
