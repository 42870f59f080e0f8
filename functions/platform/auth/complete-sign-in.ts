import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { passwordExpired } from '@halooid/shared/auth/password-policy';
import { AppError, UnauthorizedError } from '@halooid/shared/errors';
import { mfaRequiredFor, strictestPasswordPolicy } from '@halooid/shared/security-policy';
import { refreshTokenHash } from '@halooid/shared/sessions';
import { type TenantSummary, tenantsOfUser } from '@halooid/shared/tenancy';
import type { AuthDeps, Caller } from './deps';
import { deviceName } from './device';
import {
  ensureMyUserRow,
  markMfaEnabled,
  markSignedIn,
  mySecurityFacts,
  myTenantPolicies,
  recordSignInEvent,
  startSession,
} from './identity-records';
import { sealTicket } from './mfa-enrolment-ticket';
import type { ChallengeName } from './schemas';
import { COGNITO_CHALLENGES } from './schemas';

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

export type CompleteSignInDeps = Pick<AuthDeps, 'verifier' | 'transaction' | 'keyring' | 'now'>;

/** What the sign-in went through before Cognito's answer. */
export interface SignInContext {
  email: string;
  caller: Caller;
  /** The user answered a TOTP challenge: they have MFA whatever our flag says (enrolled before it existed). */
  viaMfa?: boolean;
}

/**
 * Turns Cognito's answer to InitiateAuth or RespondToAuthChallenge into ours:
 * tokens plus the user's tenants, or the next challenge to answer. Tokens
 * are handed out only when the user's workspaces allow it:
 * - a password older than the strictest workspace's maximum age, or a reset
 *   an admin forced, is 403 `password_expired` / `password_reset_required`
 *   (reset it by email, /v1/auth/password/forgot);
 * - a user without MFA in a workspace that requires it for them gets the
 *   `MFA_SETUP` challenge instead (see mfa-enrolment-ticket.ts).
 * Otherwise the sign-in becomes a session row (device, IP, country) and a
 * success in the sign-in events, in one transaction.
 */
export async function completeSignIn(
  answer: { AuthenticationResult?: AuthenticationResultType; ChallengeName?: string; Session?: string },
  context: SignInContext,
  deps: CompleteSignInDeps,
): Promise<SignInOutcome> {
  const tokens = answer.AuthenticationResult;
  if (tokens?.AccessToken && tokens.RefreshToken) {
    return issueTokens(
      {
        accessToken: tokens.AccessToken,
        refreshToken: tokens.RefreshToken,
        expiresIn: tokens.ExpiresIn ?? 3600,
      },
      context,
      deps,
    );
  }
  const challenge = answer.ChallengeName;
  if (challenge && answer.Session && (COGNITO_CHALLENGES as readonly string[]).includes(challenge)) {
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

type Gate = 'open' | 'no_user_row' | 'password_expired' | 'password_reset_required' | 'mfa_setup';

export async function issueTokens(
  tokens: { accessToken: string; refreshToken: string; expiresIn: number },
  context: SignInContext,
  deps: CompleteSignInDeps,
): Promise<SignInOutcome> {
  const { sub, sessionId } = await deps.verifier.verify(tokens.accessToken);
  const email = context.email.trim().toLowerCase();
  const outcome = await deps.transaction({ userId: sub }, async (tx) => {
    if (context.viaMfa) await markMfaEnabled(tx, sub);
    const gate = await gateOf(tx, sub, context.viaMfa === true, deps);
    if (gate === 'password_expired' || gate === 'password_reset_required') {
      await recordSignInEvent(tx, { email, userId: sub, outcome: 'failure', reason: gate }, context.caller);
      return gate;
    }
    if (gate === 'mfa_setup') {
      await recordSignInEvent(
        tx,
        { email, userId: sub, outcome: 'mfa_setup_required', reason: 'workspace requires MFA' },
        context.caller,
      );
      const now = (deps.now?.() ?? new Date()).getTime();
      const session = sealTicket(await deps.keyring(), { ...tokens, userId: sub, email }, now);
      return { kind: 'challenge', challenge: 'MFA_SETUP', session } satisfies ChallengeIssued;
    }
    if (gate === 'no_user_row') await ensureMyUserRow(tx, sub, email);
    await startSession(
      tx,
      {
        userId: sub,
        refreshHash: refreshTokenHash(tokens.refreshToken),
        accessSessionId: sessionId,
        device: deviceName(context.caller.userAgent),
      },
      context.caller,
    );
    await markSignedIn(tx, sub);
    await recordSignInEvent(tx, { email, userId: sub, outcome: 'success' }, context.caller);
    return { kind: 'tokens', ...tokens, tenants: await tenantsOfUser(tx, sub) } satisfies SignedIn;
  });
  // Refused after the transaction, so its sign-in event is kept.
  if (outcome === 'password_expired') {
    throw new AppError(
      403,
      outcome,
      'Your password has expired under your workspace’s password policy: reset it by email (POST /v1/auth/password/forgot).',
    );
  }
  if (outcome === 'password_reset_required') {
    throw new AppError(
      403,
      outcome,
      'An administrator requires you to set a new password: reset it by email (POST /v1/auth/password/forgot).',
    );
  }
  return outcome;
}

async function gateOf(
  tx: Parameters<typeof mySecurityFacts>[0],
  userId: string,
  viaMfa: boolean,
  deps: CompleteSignInDeps,
): Promise<Gate> {
  const facts = await mySecurityFacts(tx, userId);
  if (!facts) return 'no_user_row';
  if (facts.passwordResetRequired) return 'password_reset_required';
  const tenants = await myTenantPolicies(tx);
  const rules = strictestPasswordPolicy(tenants.map((tenant) => tenant.policy));
  if (passwordExpired(rules, facts.passwordSetAt, deps.now?.() ?? new Date())) return 'password_expired';
  const mfaEnabled = facts.mfaEnabled || viaMfa;
  if (!mfaEnabled && tenants.some((tenant) => mfaRequiredFor(tenant.policy, tenant.roleKeys)))
    return 'mfa_setup';
  return 'open';
}
