import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { leaveTypeInUse, selectLeaveType, updateLeaveType } from './repository';
import type { ChangeLeaveTypeInput, LeaveType, LeaveTypeFields } from './schemas';

export type ChangeLeaveTypeDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

/**
 * PATCH with optimistic concurrency (a stale version is a 409). Archiving is a
 * change like any other (`archived: true`): an archived type keeps its history
 * and balances but takes no new requests or policies. The unit of a type in
 * use is fixed (409). Audited with the names of the changed fields.
 */
export async function changeLeaveType(
  id: string,
  version: number,
  input: Omit<ChangeLeaveTypeInput, 'version'>,
  deps: ChangeLeaveTypeDeps,
): Promise<LeaveType> {
  const { tx, principal } = deps;
  const current = await selectLeaveType(tx, principal.tenantId, id, { forUpdate: true });
  if (!current) throw new NotFoundError('Leave type');
  if (current.version !== version)
    throw new ConflictError(
      `The leave type changed since you read it (version ${current.version}, not ${version}). Read it again.`,
      'version_conflict',
    );
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...before } = current;
  const sent = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const after: LeaveTypeFields = { ...before, ...sent };
  const changes = (Object.keys(after) as (keyof LeaveTypeFields)[]).filter(
    (key) => after[key] !== before[key],
  );
  if (changes.length === 0) return current;
  // Balances and requests are counted in the unit: days cannot turn into hours under them.
  if (changes.includes('unit') && (await leaveTypeInUse(tx, principal.tenantId, id)))
    throw new ConflictError(
      'The unit of a leave type in use cannot change: its balances and requests are counted in it. Create a new type instead.',
      'leave_type_in_use',
    );
  const updated = await updateLeaveType(tx, principal.tenantId, id, version, after);
  if (!updated) throw new NotFoundError('Leave type');
  await recordAudit(tx, deps.actor, {
    action: 'leave_type.updated',
    targetType: 'leave_type',
    targetId: id,
    details: { changes },
  });
  return updated;
}
