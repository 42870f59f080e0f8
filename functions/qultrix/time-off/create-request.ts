import { recordAudit } from '@halooid/shared/audit';
import { AppError, BusinessRuleError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { balanceOf, lockBalance } from '../domain/leave-balance';
import type { LeaveRequest } from '../domain/time-off-request';
import { qultrixEvents } from '../events';
import { callerUserId, targetEmployee, todayOf } from './access';
import { stepApprover } from './approvers';
import { covers } from './decimal';
import { insertRequest, selectOverlap, selectRequest } from './repository';
import { requestAmount } from './request-amount';
import { eventDataOf, recordAwaitingApproval } from './request-events';
import type { CreateRequestInput } from './schemas';

export type CreateRequestDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'events' | 'now'>;

/**
 * Files a leave request, for oneself or (HR) for anyone. Refused: a range
 * with no working day (422 `no_working_days`), a long one without the
 * attachment the type asks for (422 `attachment_required`), one that overlaps
 * a pending or approved request of the employee (409 naming it), and one the
 * available balance (balance − pending) does not cover (422
 * `insufficient_balance`). The overlap and balance checks and the insert run
 * under the employee's balance lock, so concurrent requests are judged one
 * after another and cannot together spend more than there is.
 */
export async function createRequest(
  input: CreateRequestInput,
  deps: CreateRequestDeps,
): Promise<LeaveRequest> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const employee = await targetEmployee(tx, principal, input.employeeId);
  if (employee.terminated)
    throw new BusinessRuleError('employee_terminated', 'A terminated employee takes no more time off.');
  const cost = await requestAmount(tx, tenantId, employee, input.leaveTypeId, input);
  if (cost.workingDays === '0')
    throw new BusinessRuleError(
      'no_working_days',
      'These days are all days off or holidays: nothing to request.',
      [{ field: 'body.start', message: 'The range holds no working day.', code: 'no_working_days' }],
    );
  if (cost.attachmentRequired && !input.attachmentUrl)
    throw new BusinessRuleError(
      'attachment_required',
      `${cost.type.name} longer than ${cost.type.attachmentAfterDays} days needs an attachment.`,
      [{ field: 'body.attachmentUrl', message: 'Attach a document (a link).', code: 'attachment_required' }],
    );

  await lockBalance(tx, tenantId, employee.id);
  const overlap = await selectOverlap(tx, tenantId, employee.id, input);
  if (overlap)
    throw new AppError(
      409,
      'overlapping_request',
      `This overlaps ${overlap.status} request ${overlap.id} (${overlap.start} to ${overlap.end}).`,
      {
        errors: [
          {
            field: 'body.start',
            message: `Overlaps request ${overlap.id} from ${overlap.start} to ${overlap.end}.`,
            code: 'overlapping_request',
          },
        ],
      },
    );
  if (cost.type.tracksBalance) {
    const balance = await balanceOf(tx, tenantId, employee.id, cost.type.id);
    if (!(await covers(tx, balance.available, cost.amount)))
      throw new BusinessRuleError(
        'insufficient_balance',
        `Only ${balance.available} ${cost.type.unit} of ${cost.type.name} are available; this needs ${cost.amount}.`,
        [{ field: 'body.end', message: `Available: ${balance.available}.`, code: 'insufficient_balance' }],
      );
  }

  const id = deps.newId();
  // manager_then_hr without a manager to decide: straight to the HR step, not HR twice.
  const firstStep =
    cost.type.approval === 'manager_then_hr' && stepApprover(employee, 1).kind === 'hr' ? 2 : 1;
  const me = callerUserId(principal);
  await insertRequest(tx, {
    tenantId,
    id,
    employeeId: employee.id,
    leaveTypeId: cost.type.id,
    start: input.start,
    end: input.end,
    startHalf: input.startHalf,
    endHalf: input.endHalf,
    amount: cost.amount,
    reason: input.reason || null,
    attachmentUrl: input.attachmentUrl ?? null,
    currentStep: firstStep,
    requestedBy: me,
  });
  const today = todayOf(deps.now());
  const request = await selectRequest(tx, { tenantId, userId: me, admin: true, today }, id);
  if (!request) throw new Error(`Request ${id} vanished after its insert`);
  await deps.events.record(qultrixEvents, 'time-off.requested', eventDataOf(request, employee));
  await recordAwaitingApproval(request, employee, today, [], deps);
  await recordAudit(tx, deps.actor, {
    action: 'time-off.requested',
    targetType: 'leave_request',
    targetId: id,
    details: { employeeId: employee.id, leaveTypeId: cost.type.id, amount: cost.amount },
  });
  return request;
}
