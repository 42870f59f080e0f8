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
import { recordSignInEvent } from './identity-records';

export type LoginDeps = Pick<
  AuthDeps,
  'cognito' | 'clientId' | 'verifier' | 'transaction' | 'cache' | 'limits' | 'keyring' | 'now'
>;

/**
 * Password sign-in. Wrong password and unknown email get the same answer, so
 * the endpoint does not reveal who has an account. Rate limited per IP and
 * account; repeated failures lock the account (see abuse-limits.ts), and a
 * locked account is refused before Cognito is asked, so even the right
 * password gets the same 429. When Cognito wants another step (a new
 * password for an invited user, a TOTP code), the answer is that challenge.
 * Every attempt that reaches the password check is a sign-in event (the
 * alert detectors read them): `failure`, `locked` (the failure that locks,
 * reason `lockout_started`, and attempts refused while locked, reason
 * `account_locked`), or what completeSignIn records.
 */
export async function login(
  input: { email: string; password: string },
  caller: Caller,
  deps: LoginDeps,
): Promise<SignInOutcome> {
  const account = accountKey(input.email);
  await guardAttempt('login', { ip: caller.ip, account }, deps);
  await refusedWhileLocked(account, caller, deps);
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
      const locked = await recordFailedSignIn(account, deps);
      await record(
        account,
        caller,
        deps,
        locked ? 'locked' : 'failure',
        locked ? 'lockout_started' : 'bad_credentials',
      );
      // The failure that locks the account is answered like the attempts after it.
      if (locked) await assertNotLocked(account, deps);
      throw new UnauthorizedError(INCORRECT_CREDENTIALS);
    }
    throw mapCommonCognitoError(error);
  }
  // A right password counts as a success even when a challenge follows.
  await clearFailedSignIns(account, deps);
  return completeSignIn(answer, { email: account, caller }, deps);
}

/** assertNotLocked, recording the refused attempt. */
export async function refusedWhileLocked(
  account: string,
  caller: Caller,
  deps: Pick<AuthDeps, 'cache' | 'limits' | 'transaction'>,
): Promise<void> {
  try {
    await assertNotLocked(account, deps);
  } catch (error) {
    await record(account, caller, deps, 'locked', 'account_locked');
    throw error;
  }
}

async function record(
  email: string,
  caller: Caller,
  deps: Pick<AuthDeps, 'transaction'>,
  outcome: 'failure' | 'locked',
  reason: string,
): Promise<void> {
  await deps.transaction({}, (tx) => recordSignInEvent(tx, { email, outcome, reason }, caller));
}
