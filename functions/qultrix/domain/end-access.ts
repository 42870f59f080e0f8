import { bumpRbacVersion, recordAudit } from '@halooid/shared/audit';
import { ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { activeOwnerIds, isActiveMember, setMembershipStatus } from '@halooid/shared/tenancy';
import type { Employee } from './employee-schemas';

export type EndAccessDeps = Pick<RequestDeps, 'tx' | 'actor'>;

/**
 * A termination ends the linked user's access to this tenant, in the
 * termination's transaction: the platform's member suspension (membership
 * status plus RBAC version, so the authorizer refuses them within about 2 s;
 * their other tenants are untouched). The termination is HR's fact, so it
 * applies whatever roles the person holds, except that the tenant's last
 * active Owner is never suspended (409 `last_owner`, nothing written).
 * Reactivating the employee later does not restore access: that is a member
 * decision (PATCH /v1/tenants/current/members/{userId}).
 */
export async function endTenantAccess(employee: Employee, deps: EndAccessDeps): Promise<void> {
  const { tx, actor } = deps;
  const userId = employee.userId;
  if (userId === null || !(await isActiveMember(tx, userId))) return;
  const owners = await activeOwnerIds(tx);
  if (owners.length === 1 && owners[0] === userId)
    throw new ConflictError(
      'This employee is the tenant’s last Owner: make someone else Owner before terminating them.',
      'last_owner',
    );
  await setMembershipStatus(tx, userId, 'suspended');
  await bumpRbacVersion(tx);
  await recordAudit(tx, actor, {
    action: 'member.suspended',
    targetType: 'user',
    targetId: userId,
    details: { before: 'active', after: 'suspended', reason: 'employee.terminated', employeeId: employee.id },
  });
}
