import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { AppError, UnauthorizedError } from '@halooid/shared/errors';
import { type TenantSummary, tenantsOfUser } from '@halooid/shared/tenancy';
import type { AuthDeps } from './deps';
import type { ChallengeName } from './schemas';
import { CHALLENGES } from './schemas';

export interface SignedIn {
  kind: 'tokens';
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tenants: TenantSummary[];
}

export interface ChallengeIssued {
  kind: 'challenge';
  challenge: ChallengeName;
  session: string;
}

export type SignInOutcome = SignedIn | ChallengeIssued;

/**
 * Turns Cognito's answer to InitiateAuth or RespondToAuthChallenge into ours:
 * tokens plus the user's tenants, or the next challenge to answer.
 */
export async function completeSignIn(
  answer: { AuthenticationResult?: AuthenticationResultType; ChallengeName?: string; Session?: string },
  deps: Pick<AuthDeps, 'verifier' | 'transaction'>,
): Promise<SignInOutcome> {
  const tokens = answer.AuthenticationResult;
  if (tokens?.AccessToken && tokens.RefreshToken) {
    const { sub } = await deps.verifier.verify(tokens.AccessToken);
    const tenants = await deps.transaction({ userId: sub }, (tx) => tenantsOfUser(tx, sub));
    return {
      kind: 'tokens',
      accessToken: tokens.AccessToken,
      refreshToken: tokens.RefreshToken,
      expiresIn: tokens.ExpiresIn ?? 3600,
      tenants,
    };
  }
  const challenge = answer.ChallengeName;
  if (challenge && answer.Session && (CHALLENGES as readonly string[]).includes(challenge)) {
    return { kind: 'challenge', challenge: challenge as ChallengeName, session: answer.Session };
  }
  if (challenge) {
    throw new AppError(
      403,
      'challenge_unsupported',
      `Sign-in needs a step this API does not offer (${challenge}).`,
    );
  }
  throw new UnauthorizedError('Sign in again.');
}
