import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { guardAttempt } from './abuse-limits';
import { cognitoErrorName, invalidCode, mapCommonCognitoError } from './cognito-errors';
import type { AuthDeps, Caller } from './deps';

const WRONG_CODE = new Set([
  'CodeMismatchException',
  'EnableSoftwareTokenMFAException',
  'ExpiredCodeException',
]);

/**
 * Finishes TOTP enrolment: Cognito checks the code against the secret from
 * /setup, then TOTP becomes the user's enabled and preferred MFA, so every
 * later login answers with a SOFTWARE_TOKEN_MFA challenge.
 */
export async function verifyTotp(
  input: { code: string; deviceName?: string },
  user: { id: string; accessToken: string },
  caller: Caller,
  deps: Pick<AuthDeps, 'cognito' | 'cache' | 'limits'>,
): Promise<{ mfaEnabled: true }> {
  await guardAttempt('mfa', { ip: caller.ip, account: `user:${user.id}` }, deps);
  let status: string | undefined;
  try {
    ({ Status: status } = await deps.cognito.send(
      new (cognitoSdk().VerifySoftwareTokenCommand)({
        AccessToken: user.accessToken,
        UserCode: input.code,
        ...(input.deviceName ? { FriendlyDeviceName: input.deviceName } : {}),
      }),
    ));
  } catch (error) {
    if (WRONG_CODE.has(cognitoErrorName(error) ?? '')) throw invalidCode();
    throw mapCommonCognitoError(error);
  }
  if (status !== 'SUCCESS') throw invalidCode();
  try {
    await deps.cognito.send(
      new (cognitoSdk().SetUserMFAPreferenceCommand)({
        AccessToken: user.accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
  } catch (error) {
    throw mapCommonCognitoError(error);
  }
  return { mfaEnabled: true };
}
