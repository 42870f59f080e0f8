import type { InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { UnauthorizedError } from '@halooid/shared/errors';
import { accountKey, guardAttempt } from './abuse-limits';
import { mapCommonCognitoError } from './cognito-errors';
import { issueTokens, type SignInOutcome } from './complete-sign-in';
import type { AuthDeps, Caller } from './deps';
import { openTicket } from './mfa-enrolment-ticket';
import { associateTotp } from './set-up-totp';
import { enableTotp } from './verify-totp';

type EnrolmentDeps = Pick<
  AuthDeps,
  'cognito' | 'clientId' | 'verifier' | 'transaction' | 'cache' | 'limits' | 'keyring' | 'now'
>;

const nowMs = (deps: Pick<AuthDeps, 'now'>) => (deps.now?.() ?? new Date()).getTime();

/**
 * Step 1 of the `MFA_SETUP` challenge: the TOTP secret for the held
 * sign-in's user (the same as /v1/auth/mfa/totp/setup, without tokens).
 */
export async function startMfaEnrolment(
  input: { email: string; session: string },
  caller: Caller,
  deps: EnrolmentDeps,
): Promise<{ secretCode: string; otpauthUri: string }> {
  const account = accountKey(input.email);
  await guardAttempt('mfa', { ip: caller.ip, account }, deps);
  const held = openTicket(await deps.keyring(), input.session, account, nowMs(deps));
  return associateTotp(held.accessToken, held.email, deps);
}

/**
 * Step 2: the code from the authenticator app turns TOTP on, and the held
 * sign-in completes with fresh tokens (the held access token may be minutes
 * old), recorded as a session like any sign-in.
 */
export async function finishMfaEnrolment(
  input: { email: string; session: string; code: string },
  caller: Caller,
  deps: EnrolmentDeps,
): Promise<SignInOutcome> {
  const account = accountKey(input.email);
  const held = openTicket(await deps.keyring(), input.session, account, nowMs(deps));
  await guardAttempt('mfa', { ip: caller.ip, account: `user:${held.userId}` }, deps);
  await enableTotp(held.accessToken, input, deps);
  let refreshed: InitiateAuthCommandOutput;
  try {
    refreshed = await deps.cognito.send(
      new (cognitoSdk().InitiateAuthCommand)({
        ClientId: deps.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: held.refreshToken },
      }),
    );
  } catch (error) {
    throw mapCommonCognitoError(error);
  }
  const tokens = refreshed.AuthenticationResult;
  if (!tokens?.AccessToken) throw new UnauthorizedError('The sign-in session has expired; sign in again.');
  return issueTokens(
    {
      accessToken: tokens.AccessToken,
      refreshToken: tokens.RefreshToken ?? held.refreshToken,
      expiresIn: tokens.ExpiresIn ?? 3600,
    },
    { email: account, caller, viaMfa: true },
    deps,
  );
}
