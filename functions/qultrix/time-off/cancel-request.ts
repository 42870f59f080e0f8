import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { lockBalance, recordReversal } from '../domain/leave-balance';
import type { LeaveRequest } from '../domain/time-off-request';
import { qultrixEvents } from '../events';
import { lockedRequest } from './decide-request';
import { selectLeaveType } from './people';
import { selectRequest, updateRequestStatus } from './repository';
import { eventDataOf } from './request-events';

export type CancelRequestDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'events' | 'now'>;

/**
 * Cancels a request: by the employee, whoever filed it, or HR. A pending one
 * any time; an approved one until its last day has passed (UTC), and then
 * its `reversal` ledger row gives the whole amount back (a request already
 * under way included: HR corrects days actually taken with an adjustment).
 * A rejected or cancelled request is a 409; an approved one that has ended
 * is a 422 `already_ended`.
 */
export async function cancelRequest(requestId: string, deps: CancelRequestDeps): Promise<LeaveRequest> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const { request, employee, viewer } = await lockedRequest(requestId, deps);
  const mayCancel =
    viewer.admin ||
    (viewer.userId !== null && [employee.userId, request.requestedBy].includes(viewer.userId));
  if (!mayCancel) throw new ForbiddenError('Only the employee, whoever filed the request, or HR cancels it.');
  if (request.status !== 'pending' && request.status !== 'approved')
    throw new ConflictError(`The request is already ${request.status}.`, 'not_cancellable');
  if (request.status === 'approved') {
    if (request.end < viewer.today)
      throw new BusinessRuleError(
        'already_ended',
        'This leave is over; HR corrects past leave with an adjustment.',
      );
    const type = await selectLeaveType(tx, tenantId, request.leaveType.id);
    if (type?.tracksBalance) {
      await lockBalance(tx, tenantId, employee.id);
      await recordReversal(tx, {
        id: deps.newId(),
        tenantId,
        employeeId: employee.id,
        leaveTypeId: request.leaveType.id,
        requestId,
        amount: request.amount,
        effectiveDate: viewer.today,
        createdBy: viewer.userId,
      });
    }
  }
  await updateRequestStatus(tx, tenantId, requestId, {
    status: 'cancelled',
    currentStep: null,
    decided: false,
  });
  const updated = await selectRequest(tx, { ...viewer, admin: true }, requestId);
  if (!updated) throw new NotFoundError('Leave request');
  await deps.events.record(qultrixEvents, 'time-off.cancelled', eventDataOf(updated, employee));
  await recordAudit(tx, deps.actor, {
    action: 'time-off.cancelled',
    targetType: 'leave_request',
    targetId: requestId,
    details: { previousStatus: request.status },
  });
  return updated;
}
