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
import type { ChallengeBody } from './schemas';

export type ChallengeDeps = Pick<
  AuthDeps,
  'cognito' | 'clientId' | 'verifier' | 'transaction' | 'cache' | 'limits'
>;

/**
 * Answers the challenge login returned: a new password for an invited user
 * (NEW_PASSWORD_REQUIRED) or the current TOTP code (SOFTWARE_TOKEN_MFA).
 * Wrong TOTP codes count towards the account's lockout like wrong passwords.
 */
export async function respondToChallenge(
  input: z.output<typeof ChallengeBody>,
  caller: Caller,
  deps: ChallengeDeps,
): Promise<SignInOutcome> {
  const account = accountKey(input.email);
  await guardAttempt('challenge', { ip: caller.ip, account }, deps);
  await assertNotLocked(account, deps);
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
      if (await recordFailedSignIn(account, deps)) await assertNotLocked(account, deps);
      throw invalidCode();
    }
    // An expired or foreign session: start again from login.
    if (name === 'NotAuthorizedException' || isCodeRejection(error)) {
      throw new UnauthorizedError('The sign-in session has expired; sign in again.');
    }
    throw mapCommonCognitoError(error);
  }
  return completeSignIn(answer, deps);
}
