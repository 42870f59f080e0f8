import { AppError, BusinessRuleError, ConflictError, ValidationError } from '@halooid/shared/errors';
import { hasMembership } from '@halooid/shared/tenancy';
import { assertMayRead, assertUser, type TimeDeps } from '../domain/time-access';
import { entriesBetween, lockUserTimer } from '../domain/time-entry-repository';
import type { TimeEntry } from '../domain/time-entry-schemas';
import { findTimesheet, listSubmissions, saveDecision, saveSubmitted } from '../domain/timesheet-repository';
import { taskodexEvents } from '../events';
import { type IsoWeek, isoWeekOf, isoWeekStarting, parseIsoWeek } from './iso-week';
import type { SubmissionsQuery, Timesheet } from './schemas';

/**
 * Weekly timesheets: a user's entries of one ISO week with per-day totals,
 * and the submit → approve / reject cycle. A submitted or approved week
 * locks its entries (time-entry writes check it under the same per-user
 * lock as here, so a submission and an edit cannot interleave).
 */
function weekOrThrow(week: string, field: string): IsoWeek {
  const parsed = parseIsoWeek(week);
  if (!parsed)
    throw new ValidationError(`${week} is not a week of the calendar.`, [
      { field, message: 'An existing ISO week, e.g. 2026-W48.', code: 'invalid_week' },
    ]);
  return parsed;
}

/** Per-day totals; an entry counts on the UTC day it starts, running ones not at all. */
export function sumByDay(week: IsoWeek, entries: readonly TimeEntry[]) {
  const days = week.days.map((date) => ({ date, totalSeconds: 0, billableSeconds: 0 }));
  for (const entry of entries) {
    if (entry.durationSeconds === null) continue;
    const day = days.find((candidate) => candidate.date === entry.startedAt.slice(0, 10));
    if (!day) continue;
    day.totalSeconds += entry.durationSeconds;
    if (entry.billable) day.billableSeconds += entry.durationSeconds;
  }
  return days;
}

async function load(week: IsoWeek, userId: string, deps: TimeDeps): Promise<Timesheet> {
  const { tenantId } = deps.principal;
  const entries = await entriesBetween(deps.tx, tenantId, userId, week.from, week.to);
  const state = await findTimesheet(deps.tx, tenantId, userId, week.start);
  const days = sumByDay(week, entries);
  return {
    userId,
    week: week.week,
    weekStart: week.start,
    weekEnd: week.days[6] as string,
    ...state,
    days,
    totalSeconds: days.reduce((sum, day) => sum + day.totalSeconds, 0),
    billableSeconds: days.reduce((sum, day) => sum + day.billableSeconds, 0),
    runningEntryId: entries.find((entry) => entry.running)?.id ?? null,
    entries,
  };
}

export function getTimesheet(query: { week?: string; userId?: string }, deps: TimeDeps): Promise<Timesheet> {
  const userId = query.userId ?? deps.principal.principalId;
  assertMayRead(deps.principal, userId);
  const week = query.week ? weekOrThrow(query.week, 'query.week') : isoWeekOf(deps.now());
  return load(week, userId, deps);
}

/** Submits your own week for approval. A running timer in it must be stopped first. */
export async function submitTimesheet(weekParam: string, deps: TimeDeps): Promise<Timesheet> {
  assertUser(deps.principal);
  const { tenantId, principalId: userId } = deps.principal;
  const week = weekOrThrow(weekParam, 'params.week');
  if (week.from.getTime() > deps.now().getTime())
    throw new BusinessRuleError('week_not_started', 'A week can be submitted once it has started.');
  await lockUserTimer(deps.tx, tenantId, userId);
  const current = await load(week, userId, deps);
  if (current.status === 'submitted' || current.status === 'approved')
    throw new ConflictError(`This week is already ${current.status}.`, 'timesheet_already_submitted');
  if (current.runningEntryId)
    throw new BusinessRuleError('timer_running', 'Stop the timer running in this week before submitting it.');
  await saveSubmitted(deps.tx, tenantId, userId, week.start);
  await deps.events.record(taskodexEvents, 'timesheet.submitted', {
    userId,
    week: week.week,
    weekStart: week.start,
    totalSeconds: current.totalSeconds,
    billableSeconds: current.billableSeconds,
  });
  return load(week, userId, deps);
}

/**
 * Four eyes: nobody decides on their own week, whatever their role (Owner
 * included) — an approval is someone else vouching for the hours. Checked
 * before anything is read or locked, so a refused decision changes nothing.
 */
function assertNotOwnWeek(principalId: string, userId: string): void {
  if (principalId === userId)
    throw new AppError(403, 'own_timesheet', 'You cannot approve or reject your own timesheet.');
}

/** Approves a submitted week (route permission: taskodex:timesheet:approve), never your own. */
export async function approveTimesheet(
  weekParam: string,
  userId: string,
  deps: TimeDeps,
): Promise<Timesheet> {
  const { tenantId, principalId } = deps.principal;
  assertNotOwnWeek(principalId, userId);
  const week = weekOrThrow(weekParam, 'params.week');
  await lockUserTimer(deps.tx, tenantId, userId);
  const current = await findTimesheet(deps.tx, tenantId, userId, week.start);
  if (current.status !== 'submitted') {
    await assertMember(deps, userId, 'body.userId');
    throw new ConflictError(
      `Only a submitted week can be approved; this one is ${current.status}.`,
      'timesheet_not_submitted',
    );
  }
  await saveDecision(deps.tx, tenantId, userId, week.start, {
    status: 'approved',
    decidedBy: principalId,
    reason: null,
  });
  await deps.events.record(taskodexEvents, 'timesheet.approved', {
    userId,
    week: week.week,
    weekStart: week.start,
    decidedBy: principalId,
  });
  return load(week, userId, deps);
}

/** Rejects a submitted (or reopens an approved) week with a reason, never your own; its entries unlock. */
export async function rejectTimesheet(
  weekParam: string,
  input: { userId: string; reason: string },
  deps: TimeDeps,
): Promise<Timesheet> {
  const { tenantId, principalId } = deps.principal;
  assertNotOwnWeek(principalId, input.userId);
  const week = weekOrThrow(weekParam, 'params.week');
  await lockUserTimer(deps.tx, tenantId, input.userId);
  const current = await findTimesheet(deps.tx, tenantId, input.userId, week.start);
  if (current.status !== 'submitted' && current.status !== 'approved') {
    await assertMember(deps, input.userId, 'body.userId');
    throw new ConflictError(
      `Only a submitted or approved week can be rejected; this one is ${current.status}.`,
      'timesheet_not_submitted',
    );
  }
  await saveDecision(deps.tx, tenantId, input.userId, week.start, {
    status: 'rejected',
    decidedBy: principalId,
    reason: input.reason,
  });
  await deps.events.record(taskodexEvents, 'timesheet.rejected', {
    userId: input.userId,
    week: week.week,
    weekStart: week.start,
    decidedBy: principalId,
    reason: input.reason,
  });
  return load(week, input.userId, deps);
}

/** The approvers' queue: weeks submitted (or decided), newest first (route permission: taskodex:timesheet:approve). */
export async function listTimesheetSubmissions(query: SubmissionsQuery, deps: TimeDeps) {
  const page = await listSubmissions(deps.tx, deps.principal.tenantId, {
    status: query.status,
    weekStart: query.week ? weekOrThrow(query.week, 'query.week').start : undefined,
    userId: query.userId,
    limit: query.limit,
    cursor: query.cursor,
  });
  return {
    items: page.items.map((item) => ({ ...item, week: isoWeekStarting(item.weekStart).week })),
    nextCursor: page.nextCursor,
  };
}

/**
 * When there is nothing to decide, says whether that is because the user was
 * never in this tenant (a 422 naming the field) rather than calling their
 * week "open". Asked only then: a submitted week of someone since suspended
 * or removed can still be decided.
 */
async function assertMember(deps: TimeDeps, userId: string, field: string): Promise<void> {
  if (!(await hasMembership(deps.tx, userId)))
    throw new BusinessRuleError('user_not_member', 'There is no such member in this tenant.', [
      { field, message: 'Not a member of this tenant.', code: 'user_not_member' },
    ]);
}
