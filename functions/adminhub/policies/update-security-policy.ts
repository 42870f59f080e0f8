import { bumpRbacVersion, recordAudit } from '@halooid/shared/audit';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { checkVersion } from '@halooid/shared/http/versioning';
import { currentSecurityPolicy } from '@halooid/shared/security-policy';
import { adminhubEvents } from '../events';
import { policyChanges } from './policy-diff';
import { checkPolicy } from './policy-rules';
import { existingRoleKeys, insertVersion, lockCurrentVersion } from './repository';
import type { PolicyVersion, PutSecurityPolicyInput } from './schemas';

export type UpdateSecurityPolicyDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'events'>;

/**
 * Saves the next version of the tenant's policy, from the version the
 * caller read (409 when another save came first). Nothing changed, nothing
 * written: the current version comes back. Otherwise, in one transaction:
 * the new version, the audit record with every changed field, the RBAC
 * version bump (the authorizer re-reads the IP allowlist with it, within
 * seconds) and `adminhub.policy.changed`.
 */
export async function updateSecurityPolicy(
  input: PutSecurityPolicyInput & { version: number },
  deps: UpdateSecurityPolicyDeps,
): Promise<PolicyVersion> {
  const { tx, principal } = deps;
  const locked = await lockCurrentVersion(tx);
  checkVersion('security policy', locked, input.version);
  const current = await currentSecurityPolicy(tx);
  checkPolicy(input.policy, {
    existingRoleKeys: await existingRoleKeys(tx, input.policy.mfa.roleKeys),
    callerIp: deps.actor.ip ?? '',
    callerIsApiKey: principal.principalType === 'apiKey',
  });
  const changes = policyChanges(current.policy, input.policy);
  if (Object.keys(changes).length === 0) {
    return {
      version: current.version,
      policy: current.policy,
      createdBy: current.createdBy ?? null,
      createdAt: current.createdAt ?? null,
    };
  }
  const saved = await insertVersion(tx, {
    version: locked + 1,
    policy: input.policy,
    createdBy: principal.principalId,
  });
  await recordAudit(tx, deps.actor, {
    action: 'adminhub.policy.updated',
    targetType: 'security_policy',
    targetId: String(saved.version),
    details: { version: saved.version, previousVersion: locked, changes },
  });
  await bumpRbacVersion(tx);
  await deps.events.record(adminhubEvents, 'policy.changed', {
    version: saved.version,
    changed: Object.keys(changes),
  });
  return saved;
}
