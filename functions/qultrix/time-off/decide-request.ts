import { recordAudit } from '@halooid/shared/audit';
import { AppError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { lockBalance, recordTaken } from '../domain/leave-balance';
import type { LeaveRequest } from '../domain/time-off-request';
import { qultrixEvents } from '../events';
import { callerUserId, isTimeOffAdmin, todayOf } from './access';
import { delegateUsersOf, stepApprover } from './approvers';
import { type RequestEmployee, selectLeaveType, selectRequestEmployee } from './people';
import { insertApproval, selectRequest, updateRequestStatus, type Viewer } from './repository';
import { eventDataOf, recordAwaitingApproval } from './request-events';
import type { DecisionInput } from './schemas';

export type DecideRequestDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'events' | 'now'>;

const forbidden = (code: string, message: string) => new AppError(403, code, message);

/** The request, locked, as the caller sees it (404 when they may not). */
export async function lockedRequest(
  requestId: string,
  deps: Pick<RequestDeps, 'tx' | 'principal' | 'now'>,
): Promise<{ request: LeaveRequest; employee: RequestEmployee; viewer: Viewer }> {
  const { tx, principal } = deps;
  const viewer: Viewer = {
    tenantId: principal.tenantId,
    userId: callerUserId(principal),
    admin: isTimeOffAdmin(principal),
    today: todayOf(deps.now()),
  };
  const request = await selectRequest(tx, viewer, requestId, { forUpdate: true });
  if (!request) throw new NotFoundError('Leave request');
  const employee = await selectRequestEmployee(tx, principal.tenantId, request.employeeId);
  if (!employee) throw new NotFoundError('Leave request');
  return { request, employee, viewer };
}

/**
 * May the caller decide the request's current step, and for whom? Never
 * their own request (403 `own_request`); step 1 is the manager's or their
 * delegate's for today (`onBehalfOf` the manager), or HR's when there is no
 * manager to decide; step 2 is HR's, but not the person who decided step 1
 * (403 `second_approver_required`): two levels mean two people.
 */
async function approverRole(
  request: LeaveRequest,
  employee: RequestEmployee,
  viewer: Viewer,
  deps: Pick<RequestDeps, 'tx'>,
): Promise<{ userId: string; onBehalfOf: string | null }> {
  const me = viewer.userId;
  if (!me) throw forbidden('not_approver', 'Leave requests are decided by people, not API keys.');
  if (employee.userId === me) throw forbidden('own_request', 'You cannot decide your own leave request.');
  const step = request.currentStep ?? 1;
  const approver = stepApprover(employee, step);
  if (approver.kind === 'manager') {
    if (approver.userId === me) return { userId: me, onBehalfOf: null };
    const delegates = await delegateUsersOf(deps.tx, viewer.tenantId, approver.employeeId, viewer.today);
    if (delegates.includes(me)) return { userId: me, onBehalfOf: approver.userId };
    throw forbidden('not_approver', "Step 1 is decided by the employee's manager or their delegate.");
  }
  if (!viewer.admin) throw forbidden('not_approver', `This step is decided by HR (qultrix:time-off:admin).`);
  if (request.approvals.some((approval) => approval.decidedBy === me))
    throw forbidden(
      'second_approver_required',
      'You decided the first step; someone else in HR decides this one.',
    );
  return { userId: me, onBehalfOf: null };
}

/**
 * Approves or rejects the current step. Rejecting ends the request and
 * touches no balance. Approving step 1 of a manager-then-HR type hands it to
 * HR (still pending); approving the last step makes it approved and writes
 * the `taken` ledger row (−amount) for a type that tracks a balance, in the
 * same transaction, under the employee's balance lock.
 */
export async function decideRequest(
  requestId: string,
  decision: 'approved' | 'rejected',
  input: DecisionInput,
  deps: DecideRequestDeps,
): Promise<LeaveRequest> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const { request, employee, viewer } = await lockedRequest(requestId, deps);
  if (request.status !== 'pending' || request.currentStep === null)
    throw new ConflictError(
      `The request is ${request.status}; only a pending one is decided.`,
      'not_pending',
    );
  const step = request.currentStep;
  const decider = await approverRole(request, employee, viewer, deps);
  await insertApproval(tx, tenantId, {
    requestId,
    step,
    decision,
    decidedBy: decider.userId,
    onBehalfOf: decider.onBehalfOf,
    comment: input.comment || null,
  });

  const moreSteps = decision === 'approved' && step === 1 && request.approval === 'manager_then_hr';
  if (decision === 'rejected') {
    await updateRequestStatus(tx, tenantId, requestId, {
      status: 'rejected',
      currentStep: null,
      decided: true,
    });
  } else if (moreSteps) {
    await updateRequestStatus(tx, tenantId, requestId, { status: 'pending', currentStep: 2, decided: false });
  } else {
    const type = await selectLeaveType(tx, tenantId, request.leaveType.id);
    if (type?.tracksBalance) {
      await lockBalance(tx, tenantId, employee.id);
      await recordTaken(tx, {
        id: deps.newId(),
        tenantId,
        employeeId: employee.id,
        leaveTypeId: request.leaveType.id,
        requestId,
        amount: request.amount,
        effectiveDate: request.start,
        createdBy: decider.userId,
      });
    }
    await updateRequestStatus(tx, tenantId, requestId, {
      status: 'approved',
      currentStep: null,
      decided: true,
    });
  }

  const updated = await selectRequest(tx, { ...viewer, admin: true }, requestId);
  if (!updated) throw new NotFoundError('Leave request');
  if (moreSteps) await recordAwaitingApproval(updated, employee, viewer.today, [decider.userId], deps);
  else await deps.events.record(qultrixEvents, `time-off.${decision}`, eventDataOf(updated, employee));
  await recordAudit(tx, deps.actor, {
    action: moreSteps ? 'time-off.step_approved' : `time-off.${decision}`,
    targetType: 'leave_request',
    targetId: requestId,
    details: { step, ...(decider.onBehalfOf ? { onBehalfOf: decider.onBehalfOf } : {}) },
  });
  return updated;
}
