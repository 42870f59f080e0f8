import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { ForbiddenError } from '@halooid/shared/errors';
import type { EventRecorder } from '@halooid/shared/events/outbox';

/**
 * Who may track and read time, for time entries, timesheets and reports. Own-record rules live here, not in the route
 * permission: anyone with taskodex:time:write tracks their own time; holders
 * of taskodex:timesheet:approve (managers) may also read, correct and mark
 * other people's entries. Timers can only be run by their owner.
 */
export interface TimeDeps {
  tx: Tx;
  principal: Principal;
  newId: () => string;
  events: EventRecorder;
  now: () => Date;
}

export const APPROVE_PERMISSION = 'taskodex:timesheet:approve';

export function isApprover(principal: Principal): boolean {
  return permits(principal.grants, APPROVE_PERMISSION);
}

export function assertUser(principal: Principal): void {
  // Time belongs to a person: an integration key has no week, no timer, no timesheet.
  if (principal.principalType !== 'user')
    throw new ForbiddenError('Time is tracked by people; API keys may read it but not record it.');
}

/** Reading another user's time needs the approver permission. */
export function assertMayRead(principal: Principal, userId: string): void {
  if (userId !== principal.principalId && !isApprover(principal))
    throw new ForbiddenError("Only timesheet approvers may see other people's time.");
}
