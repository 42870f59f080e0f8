import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { LeaveRequest, TimeOffEventData } from '../domain/time-off-request';
import { qultrixEvents } from '../events';
import { approverUsersOf } from './approvers';
import type { RequestEmployee } from './people';

/** The event payload of a request: identity, type, dates, amount and status; never the reason. */
export function eventDataOf(
  request: LeaveRequest,
  employee: Pick<RequestEmployee, 'userId'>,
): TimeOffEventData {
  return {
    requestId: request.id,
    employeeId: request.employeeId,
    userId: employee.userId,
    leaveTypeId: request.leaveType.id,
    leaveTypeName: request.leaveType.name,
    unit: request.leaveType.unit,
    start: request.start,
    end: request.end,
    startHalf: request.startHalf,
    endHalf: request.endHalf,
    amount: request.amount,
    status: request.status,
  };
}

/**
 * Records that the request's current step waits for a decision, naming who
 * may take it, so the notification rule (which has no database) can tell
 * them. Recorded when a request is filed and when step 1 passes to HR.
 */
export async function recordAwaitingApproval(
  request: LeaveRequest,
  employee: RequestEmployee,
  today: string,
  exclude: readonly (string | null)[],
  deps: Pick<RequestDeps, 'tx' | 'principal' | 'events'>,
): Promise<void> {
  const step = request.currentStep;
  if (step === null) return;
  const approverUserIds = await approverUsersOf(
    deps.tx,
    deps.principal.tenantId,
    employee,
    step,
    today,
    exclude,
  );
  await deps.events.record(qultrixEvents, 'time-off.awaiting_approval', {
    ...eventDataOf(request, employee),
    employeeName: request.employeeName,
    step,
    approverUserIds,
  });
}
