import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { deleteLeaveType, leaveTypeInUse, selectLeaveType } from './repository';

export type DeleteLeaveTypeDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

/**
 * Removes a leave type nothing refers to yet (a mistake caught early). Once a
 * policy, request or ledger row uses it, it is a 409 `leave_type_in_use`:
 * archive it instead, so balances and history keep their type. The row lock
 * taken first makes a concurrent insert that references the type wait, so the
 * check cannot go stale before the delete.
 */
export async function removeLeaveType(id: string, deps: DeleteLeaveTypeDeps): Promise<void> {
  const { tx, principal } = deps;
  const current = await selectLeaveType(tx, principal.tenantId, id, { forUpdate: true });
  if (!current) throw new NotFoundError('Leave type');
  if (await leaveTypeInUse(tx, principal.tenantId, id))
    throw new ConflictError(
      'This leave type is used by policies, requests or balances; archive it instead (PATCH archived: true).',
      'leave_type_in_use',
    );
  await deleteLeaveType(tx, principal.tenantId, id);
  await recordAudit(tx, deps.actor, {
    action: 'leave_type.deleted',
    targetType: 'leave_type',
    targetId: id,
    details: { name: current.name },
  });
}
