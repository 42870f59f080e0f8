import type { InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { UnauthorizedError } from '@halooid/shared/errors';
import {
  accountKey,
  assertNotLocked,
  clearFailedSignIns,
  guardAttempt,
  recordFailedSignIn,
} from './abuse-limits';
import { INCORRECT_CREDENTIALS, isBadCredentials, mapCommonCognitoError } from './cognito-errors';
import { completeSignIn, type SignInOutcome } from './complete-sign-in';
import type { AuthDeps, Caller } from './deps';

export type LoginDeps = Pick<
  AuthDeps,
  'cognito' | 'clientId' | 'verifier' | 'transaction' | 'cache' | 'limits'
>;

/**
 * Password sign-in. Wrong password and unknown email get the same answer, so
 * the endpoint does not reveal who has an account. Rate limited per IP and
 * account; repeated failures lock the account (see abuse-limits.ts), and a
 * locked account is refused before Cognito is asked, so even the right
 * password gets the same 429. When Cognito wants another step (a new
 * password for an invited user, a TOTP code), the answer is that challenge.
 */
export async function login(
  input: { email: string; password: string },
  caller: Caller,
  deps: LoginDeps,
): Promise<SignInOutcome> {
  const account = accountKey(input.email);
  await guardAttempt('login', { ip: caller.ip, account }, deps);
  await assertNotLocked(account, deps);
  let answer: InitiateAuthCommandOutput;
  try {
    answer = await deps.cognito.send(
      new (cognitoSdk().InitiateAuthCommand)({
        ClientId: deps.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: account, PASSWORD: input.password },
      }),
    );
  } catch (error) {
    if (isBadCredentials(error)) {
      // The failure that locks the account is answered like the attempts after it.
      if (await recordFailedSignIn(account, deps)) await assertNotLocked(account, deps);
      throw new UnauthorizedError(INCORRECT_CREDENTIALS);
    }
    throw mapCommonCognitoError(error);
  }
  // A right password counts as a success even when a challenge follows.
  await clearFailedSignIns(account, deps);
  return completeSignIn(answer, deps);
}
