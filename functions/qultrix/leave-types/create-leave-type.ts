import { recordAudit } from '@halooid/shared/audit';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { insertLeaveType } from './repository';
import type { CreateLeaveTypeInput, LeaveType } from './schemas';

export type CreateLeaveTypeDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

/** Adds a leave type; a name another type has (case-insensitive) is a 409. Audited. */
export async function createLeaveType(
  input: CreateLeaveTypeInput,
  deps: CreateLeaveTypeDeps,
): Promise<LeaveType> {
  const leaveType = await insertLeaveType(deps.tx, deps.principal.tenantId, deps.newId(), {
    ...input,
    attachmentAfterDays: input.attachmentAfterDays ?? null,
    // Unpaid leave is usually not limited by a balance; any other kind is unless told otherwise.
    tracksBalance: input.tracksBalance ?? input.kind !== 'unpaid',
    color: input.color ?? null,
    archived: false,
  });
  await recordAudit(deps.tx, deps.actor, {
    action: 'leave_type.created',
    targetType: 'leave_type',
    targetId: leaveType.id,
    details: { name: leaveType.name },
  });
  return leaveType;
}
