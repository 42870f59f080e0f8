import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError, ValidationError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import {
  calendarExists,
  copyHolidays as copyRows,
  deleteHoliday as deleteRow,
  lockCalendar,
  selectHolidays,
  upsertHoliday,
} from './repository';
import type { CopyHolidaysInput, Holiday, SetHolidayInput } from './schemas';

/** The holidays of one calendar: each use case first finds the calendar in the caller's tenant (else 404). */
export type HolidayDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

async function calendarOf(deps: Pick<RequestDeps, 'tx' | 'principal'>, calendarId: string, lock: boolean) {
  const found = lock
    ? await lockCalendar(deps.tx, deps.principal.tenantId, calendarId)
    : await calendarExists(deps.tx, deps.principal.tenantId, calendarId);
  if (!found) throw new NotFoundError('Holiday calendar');
}

export async function listHolidays(
  calendarId: string,
  year: number | undefined,
  deps: Pick<RequestDeps, 'tx' | 'principal'>,
) {
  await calendarOf(deps, calendarId, false);
  return { items: await selectHolidays(deps.tx, deps.principal.tenantId, calendarId, year) };
}

/** PUT: the date's holiday is set to the body, whether or not it existed (idempotent); `created` picks 201 or 200. */
export async function setHoliday(
  calendarId: string,
  date: string,
  input: SetHolidayInput,
  deps: HolidayDeps,
): Promise<{ holiday: Holiday; created: boolean }> {
  await calendarOf(deps, calendarId, true);
  const result = await upsertHoliday(deps.tx, deps.principal.tenantId, calendarId, { date, ...input });
  await recordAudit(deps.tx, deps.actor, {
    action: 'holiday.set',
    targetType: 'holiday_calendar',
    targetId: calendarId,
    details: { date, halfDay: input.halfDay },
  });
  return result;
}

export async function deleteHoliday(calendarId: string, date: string, deps: HolidayDeps): Promise<void> {
  await calendarOf(deps, calendarId, true);
  if (!(await deleteRow(deps.tx, deps.principal.tenantId, calendarId, date)))
    throw new NotFoundError('Holiday');
  await recordAudit(deps.tx, deps.actor, {
    action: 'holiday.deleted',
    targetType: 'holiday_calendar',
    targetId: calendarId,
    details: { date },
  });
}

/** Copies a year's holidays onto the same days of another year (fixed-date holidays; movable ones need editing). */
export async function copyHolidays(calendarId: string, input: CopyHolidaysInput, deps: HolidayDeps) {
  await calendarOf(deps, calendarId, true);
  if (input.fromYear === input.toYear)
    throw new ValidationError('Copy to another year.', [
      { field: 'body.toYear', code: 'same_year', message: 'The same as fromYear.' },
    ]);
  const result = await copyRows(deps.tx, deps.principal.tenantId, calendarId, input.fromYear, input.toYear);
  await recordAudit(deps.tx, deps.actor, {
    action: 'holiday.copied',
    targetType: 'holiday_calendar',
    targetId: calendarId,
    details: { fromYear: input.fromYear, toYear: input.toYear, copied: result.copied },
  });
  return result;
}
