import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { guardAttempt } from './abuse-limits';
import { cognitoErrorName, invalidCode, mapCommonCognitoError } from './cognito-errors';
import type { AuthDeps, Caller } from './deps';
import { markMfaEnabled } from './identity-records';

const WRONG_CODE = new Set([
  'CodeMismatchException',
  'EnableSoftwareTokenMFAException',
  'ExpiredCodeException',
]);

/**
 * Finishes TOTP enrolment: Cognito checks the code against the secret from
 * /setup, then TOTP becomes the user's enabled and preferred MFA, so every
 * later login answers with a SOFTWARE_TOKEN_MFA challenge, and the user counts
 * as enrolled for workspaces that require MFA (users.mfa_enabled).
 */
export async function verifyTotp(
  input: { code: string; deviceName?: string },
  user: { id: string; accessToken: string },
  caller: Caller,
  deps: Pick<AuthDeps, 'cognito' | 'cache' | 'limits' | 'transaction'>,
): Promise<{ mfaEnabled: true }> {
  await guardAttempt('mfa', { ip: caller.ip, account: `user:${user.id}` }, deps);
  await enableTotp(user.accessToken, input, deps);
  await deps.transaction({ userId: user.id }, (tx) => markMfaEnabled(tx, user.id));
  return { mfaEnabled: true };
}

/** Checks the code against the secret from AssociateSoftwareToken and makes TOTP the user's MFA. */
export async function enableTotp(
  accessToken: string,
  input: { code: string; deviceName?: string | undefined },
  deps: Pick<AuthDeps, 'cognito'>,
): Promise<void> {
  let status: string | undefined;
  try {
    ({ Status: status } = await deps.cognito.send(
      new (cognitoSdk().VerifySoftwareTokenCommand)({
        AccessToken: accessToken,
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
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
  } catch (error) {
    throw mapCommonCognitoError(error);
  }
}
