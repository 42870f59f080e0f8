import { recordAudit } from '@halooid/shared/audit';
import { AppError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import {
  calendarNamed,
  deleteCalendar as deleteRow,
  insertCalendar,
  lockCalendar,
  renameCalendar,
  selectCalendars,
} from './repository';
import type { HolidayCalendar } from './schemas';

/** The holiday-calendar use cases: each runs in the caller's tenant transaction. */
export type CalendarDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

export async function listCalendars(deps: Pick<RequestDeps, 'tx' | 'principal'>) {
  return { items: await selectCalendars(deps.tx, deps.principal.tenantId) };
}

export async function getCalendar(id: string, deps: Pick<RequestDeps, 'tx' | 'principal'>) {
  const [calendar] = await selectCalendars(deps.tx, deps.principal.tenantId, id);
  if (!calendar) throw new NotFoundError('Holiday calendar');
  return calendar;
}

export async function createCalendar(name: string, deps: CalendarDeps): Promise<HolidayCalendar> {
  const { tx, principal } = deps;
  await assertNameFree(deps, name, null);
  const id = deps.newId();
  await insertCalendar(tx, principal.tenantId, id, name);
  await recordAudit(tx, deps.actor, {
    action: 'holiday_calendar.created',
    targetType: 'holiday_calendar',
    targetId: id,
    details: { name },
  });
  return getCalendar(id, deps);
}

/** Rename with optimistic concurrency; the same name is no change and keeps the version. */
export async function renameCalendarUseCase(
  id: string,
  version: number,
  name: string,
  deps: CalendarDeps,
): Promise<HolidayCalendar> {
  const { tx, principal } = deps;
  const locked = await lockCalendar(tx, principal.tenantId, id);
  if (!locked) throw new NotFoundError('Holiday calendar');
  if (locked.version !== version)
    throw new ConflictError(
      `The holiday calendar changed since you read it (version ${locked.version}, not ${version}). Read it again.`,
      'version_conflict',
    );
  const current = await getCalendar(id, deps);
  if (current.name === name) return current;
  await assertNameFree(deps, name, id);
  await renameCalendar(tx, principal.tenantId, id, version, name);
  await recordAudit(tx, deps.actor, {
    action: 'holiday_calendar.updated',
    targetType: 'holiday_calendar',
    targetId: id,
    details: { changes: ['name'] },
  });
  return getCalendar(id, deps);
}

/** Refused (409) while a location uses it; its holidays go with it. */
export async function deleteCalendar(id: string, deps: CalendarDeps): Promise<void> {
  const { tx, principal } = deps;
  if (!(await lockCalendar(tx, principal.tenantId, id))) throw new NotFoundError('Holiday calendar');
  const { locationCount } = await getCalendar(id, deps);
  if (locationCount > 0)
    throw new ConflictError(
      `${locationCount} location(s) use this calendar; give them another first.`,
      'holiday_calendar_in_use',
    );
  await deleteRow(tx, principal.tenantId, id);
  await recordAudit(tx, deps.actor, {
    action: 'holiday_calendar.deleted',
    targetType: 'holiday_calendar',
    targetId: id,
  });
}

async function assertNameFree(deps: Pick<RequestDeps, 'tx' | 'principal'>, name: string, id: string | null) {
  const holder = await calendarNamed(deps.tx, deps.principal.tenantId, name, id);
  if (holder)
    throw new AppError(
      409,
      'holiday_calendar_name_taken',
      `Holiday calendar ${holder} already has this name.`,
      {
        errors: [
          {
            field: 'body.name',
            code: 'holiday_calendar_name_taken',
            message: `Used by holiday calendar ${holder}.`,
          },
        ],
      },
    );
}
