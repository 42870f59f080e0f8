import { hashPassword, matchesAny } from '@halooid/shared/auth/password-hash';
import {
  passwordPolicyError,
  passwordRuleFailures,
  reusedPasswordFailure,
} from '@halooid/shared/auth/password-policy';
import type { Tx } from '@halooid/shared/db/transaction';
import { strictestPasswordPolicy } from '@halooid/shared/security-policy';
import type { AuthDeps } from './deps';
import { myPasswordHashes, myTenantPolicies, rememberMyPassword, userIdForEmail } from './identity-records';

/**
 * A password someone is about to set, checked against the strictest
 * password policy of their tenants (a person in several workspaces meets
 * all of them; an invitee's is the inviting workspace's) and against their
 * last N passwords. 422 `password_policy` listing every broken rule. Runs
 * in a transaction scoped to the user (`{ userId }`).
 */
export async function assertPasswordAllowed(tx: Tx, password: string, field: string): Promise<void> {
  const policies = await myTenantPolicies(tx);
  const rules = strictestPasswordPolicy(policies.map((tenant) => tenant.policy));
  const failures = passwordRuleFailures(password, rules);
  if (rules.reuseCount > 0 && (await matchesAny(password, await myPasswordHashes(tx, rules.reuseCount)))) {
    failures.push(reusedPasswordFailure(rules.reuseCount));
  }
  if (failures.length > 0) throw passwordPolicyError(field, failures);
}

/** The same check for someone known only by email (reset, invitation); an unknown email passes (Cognito answers). */
export async function assertPasswordAllowedFor(
  email: string,
  password: string,
  field: string,
  deps: Pick<AuthDeps, 'transaction'>,
): Promise<string | undefined> {
  const userId = await deps.transaction({}, (tx) => userIdForEmail(tx, email));
  if (!userId) return undefined;
  await deps.transaction({ userId }, (tx) => assertPasswordAllowed(tx, password, field));
  return userId;
}

/** Records a password that was just set, for the reuse rule and the expiry clock. */
export async function rememberPassword(
  userId: string,
  password: string,
  deps: Pick<AuthDeps, 'transaction'>,
): Promise<void> {
  const hash = await hashPassword(password);
  await deps.transaction({ userId }, (tx) => rememberMyPassword(tx, hash));
}
