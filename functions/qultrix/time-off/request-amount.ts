import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError } from '@halooid/shared/errors';
import { holidaysFor } from '../domain/holidays';
import { halvesToDays, halvesToHours, workingHalfDays } from '../domain/working-days';
import { type LeaveTypeRules, type RequestEmployee, selectLeaveType } from './people';

export interface RequestRange {
  start: string;
  end: string;
  startHalf: boolean;
  endHalf: boolean;
}

export interface RequestAmount {
  type: LeaveTypeRules;
  /** Working days covered, e.g. "2.5". */
  workingDays: string;
  /** In the type's unit: the working days, or those × the employee's hours per day. */
  amount: string;
  /** More working days than the type allows without an attachment. */
  attachmentRequired: boolean;
}

/**
 * What a range costs an employee in a leave type: their work days, minus the
 * holidays of their location, half days as asked. An unknown or archived
 * type is a 422 on the field (the id is in the body or query, not the path).
 */
export async function requestAmount(
  tx: Tx,
  tenantId: string,
  employee: RequestEmployee,
  leaveTypeId: string,
  range: RequestRange,
): Promise<RequestAmount> {
  const type = await selectLeaveType(tx, tenantId, leaveTypeId);
  if (!type)
    throw new BusinessRuleError('unknown_leave_type', 'There is no such leave type in this tenant.', [
      { field: 'leaveTypeId', message: 'Unknown leave type.', code: 'unknown_leave_type' },
    ]);
  if (type.archived)
    throw new BusinessRuleError('leave_type_archived', `The leave type "${type.name}" is archived.`, [
      { field: 'leaveTypeId', message: 'Choose a current leave type.', code: 'leave_type_archived' },
    ]);
  const holidays = await holidaysFor(tx, tenantId, employee.locationId, range.start, range.end);
  const halves = workingHalfDays({ ...range, workDays: employee.workDays, holidays });
  const workingDays = halvesToDays(halves);
  return {
    type,
    workingDays,
    amount: type.unit === 'hours' ? halvesToHours(halves, employee.hoursPerDay) : workingDays,
    // Half days: compare twice the days with twice the limit (both integers or halves).
    attachmentRequired: type.attachmentAfterDays !== null && halves > Number(type.attachmentAfterDays) * 2,
  };
}
