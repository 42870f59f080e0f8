import type { RespondToAuthChallengeCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { UnauthorizedError } from '@halooid/shared/errors';
import type * as z from 'zod';
import { accountKey, assertNotLocked, guardAttempt, recordFailedSignIn } from './abuse-limits';
import {
  cognitoErrorName,
  invalidCode,
  isCodeRejection,
  mapCommonCognitoError,
  weakPassword,
} from './cognito-errors';
import { completeSignIn, type SignInOutcome } from './complete-sign-in';
import type { AuthDeps, Caller } from './deps';
import { recordSignInEvent } from './identity-records';
import { refusedWhileLocked } from './login';
import { finishMfaEnrolment } from './mfa-enrolment';
import { assertPasswordAllowedFor, rememberPassword } from './password-rules';
import type { ChallengeBody } from './schemas';

export type ChallengeDeps = Pick<
  AuthDeps,
  'cognito' | 'clientId' | 'verifier' | 'transaction' | 'cache' | 'limits' | 'keyring' | 'now'
>;

/**
 * Answers the challenge login returned: a new password for an invited user
 * (NEW_PASSWORD_REQUIRED, checked against the inviting workspace's password
 * policy), the current TOTP code (SOFTWARE_TOKEN_MFA), or the first TOTP
 * code of an enrolment a workspace requires (MFA_SETUP, mfa-enrolment.ts).
 * Wrong TOTP codes count towards the account's lockout like wrong passwords.
 */
export async function respondToChallenge(
  input: z.output<typeof ChallengeBody>,
  caller: Caller,
  deps: ChallengeDeps,
): Promise<SignInOutcome> {
  const account = accountKey(input.email);
  await guardAttempt('challenge', { ip: caller.ip, account }, deps);
  await refusedWhileLocked(account, caller, deps);
  if (input.challenge === 'MFA_SETUP') return finishMfaEnrolment(input, caller, deps);
  const userId =
    input.challenge === 'NEW_PASSWORD_REQUIRED'
      ? await assertPasswordAllowedFor(account, input.newPassword, 'body.newPassword', deps)
      : undefined;
  const responses: Record<string, string> =
    input.challenge === 'NEW_PASSWORD_REQUIRED'
      ? { USERNAME: account, NEW_PASSWORD: input.newPassword }
      : { USERNAME: account, SOFTWARE_TOKEN_MFA_CODE: input.code };
  let answer: RespondToAuthChallengeCommandOutput;
  try {
    answer = await deps.cognito.send(
      new (cognitoSdk().RespondToAuthChallengeCommand)({
        ClientId: deps.clientId,
        ChallengeName: input.challenge,
        Session: input.session,
        ChallengeResponses: responses,
      }),
    );
  } catch (error) {
    const name = cognitoErrorName(error);
    if (input.challenge === 'NEW_PASSWORD_REQUIRED' && name === 'InvalidPasswordException') {
      throw weakPassword('body.newPassword', error);
    }
    if (input.challenge === 'SOFTWARE_TOKEN_MFA' && name === 'CodeMismatchException') {
      const locked = await recordFailedSignIn(account, deps);
      await deps.transaction({}, (tx) =>
        recordSignInEvent(
          tx,
          {
            email: account,
            outcome: locked ? 'locked' : 'failure',
            reason: locked ? 'lockout_started' : 'bad_mfa_code',
          },
          caller,
        ),
      );
      if (locked) await assertNotLocked(account, deps);
      throw invalidCode();
    }
    // An expired or foreign session: start again from login.
    if (name === 'NotAuthorizedException' || isCodeRejection(error)) {
      throw new UnauthorizedError('The sign-in session has expired; sign in again.');
    }
    throw mapCommonCognitoError(error);
  }
  if (userId && input.challenge === 'NEW_PASSWORD_REQUIRED') {
    await rememberPassword(userId, input.newPassword, deps);
  }
  return completeSignIn(
    answer,
    { email: account, caller, viaMfa: input.challenge === 'SOFTWARE_TOKEN_MFA' },
    deps,
  );
}
