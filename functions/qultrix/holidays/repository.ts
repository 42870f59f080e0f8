import { FOREIGN_KEY_VIOLATION, sqlState, UNIQUE_VIOLATION } from '@halooid/shared/db/errors';
import type { Tx } from '@halooid/shared/db/transaction';
import { ConflictError } from '@halooid/shared/errors';
import type { Holiday, HolidayCalendar } from './schemas';

/** SQL for qultrix.holiday_calendars and qultrix.holidays; every statement filters by tenant_id. */
interface CalendarRow {
  id: string;
  name: string;
  location_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

function toCalendar(row: CalendarRow): HolidayCalendar {
  return {
    id: row.id,
    name: row.name,
    locationCount: row.location_count,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function asConflict(error: unknown): never {
  const state = sqlState(error);
  if (state === UNIQUE_VIOLATION)
    throw new ConflictError('Another holiday calendar has this name.', 'holiday_calendar_name_taken');
  if (state === FOREIGN_KEY_VIOLATION)
    throw new ConflictError('A location started using this calendar meanwhile.', 'holiday_calendar_in_use');
  throw error;
}

/** The tenant's calendars by name (or one), each with how many locations use it. */
export async function selectCalendars(tx: Tx, tenantId: string, id?: string): Promise<HolidayCalendar[]> {
  const { rows } = await tx.query<CalendarRow>(
    `select c.id, c.name, c.version, c.created_at, c.updated_at,
            (select count(*)::int from qultrix.locations l
              where l.tenant_id = $1 and l.holiday_calendar_id = c.id) as location_count
       from qultrix.holiday_calendars c
      where c.tenant_id = $1 and ($2::uuid is null or c.id = $2::uuid)
      order by lower(c.name), c.id`,
    [tenantId, id ?? null],
  );
  return rows.map(toCalendar);
}

/** Locks the calendar for the rest of the transaction (no key update: holidays and locations may still point at it). */
export async function lockCalendar(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<{ version: number } | undefined> {
  const { rows } = await tx.query<{ version: number }>(
    'select version from qultrix.holiday_calendars where tenant_id = $1 and id = $2 for no key update',
    [tenantId, id],
  );
  return rows[0];
}

export async function calendarExists(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rows } = await tx.query(
    'select 1 from qultrix.holiday_calendars where tenant_id = $1 and id = $2',
    [tenantId, id],
  );
  return rows.length > 0;
}

/** The calendar (other than `exceptId`) with this name, case-insensitively. */
export async function calendarNamed(
  tx: Tx,
  tenantId: string,
  name: string,
  exceptId: string | null,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from qultrix.holiday_calendars
      where tenant_id = $1 and lower(name) = lower($2) and id is distinct from $3`,
    [tenantId, name, exceptId],
  );
  return rows[0]?.id;
}

export async function insertCalendar(tx: Tx, tenantId: string, id: string, name: string): Promise<void> {
  try {
    await tx.query('insert into qultrix.holiday_calendars (tenant_id, id, name) values ($1, $2, $3)', [
      tenantId,
      id,
      name,
    ]);
  } catch (error) {
    asConflict(error);
  }
}

export async function renameCalendar(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  name: string,
): Promise<boolean> {
  try {
    const { rowCount } = await tx.query(
      `update qultrix.holiday_calendars set name = $4, version = version + 1, updated_at = now()
        where tenant_id = $1 and id = $2 and version = $3`,
      [tenantId, id, version, name],
    );
    return (rowCount ?? 0) > 0;
  } catch (error) {
    asConflict(error);
  }
}

/** Deletes the calendar and (by cascade) its holidays. */
export async function deleteCalendar(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  try {
    const { rowCount } = await tx.query(
      'delete from qultrix.holiday_calendars where tenant_id = $1 and id = $2',
      [tenantId, id],
    );
    return (rowCount ?? 0) > 0;
  } catch (error) {
    asConflict(error);
  }
}

/** The calendar's holidays, oldest first; one year of them when `year` is given. */
export async function selectHolidays(
  tx: Tx,
  tenantId: string,
  calendarId: string,
  year: number | undefined,
): Promise<Holiday[]> {
  const { rows } = await tx.query<{ date: string; name: string; half_day: boolean }>(
    `select holiday_date::text as date, name, half_day from qultrix.holidays
      where tenant_id = $1 and calendar_id = $2
        and ($3::int is null or (holiday_date >= make_date($3, 1, 1) and holiday_date < make_date($3 + 1, 1, 1)))
      order by holiday_date`,
    [tenantId, calendarId, year ?? null],
  );
  return rows.map((row) => ({ date: row.date, name: row.name, halfDay: row.half_day }));
}

/** Sets the holiday of a date (insert or replace); `created` says which. */
export async function upsertHoliday(
  tx: Tx,
  tenantId: string,
  calendarId: string,
  holiday: Holiday,
): Promise<{ holiday: Holiday; created: boolean }> {
  const { rows } = await tx.query<{ date: string; name: string; half_day: boolean; created: boolean }>(
    `insert into qultrix.holidays as h (tenant_id, calendar_id, holiday_date, name, half_day)
     values ($1, $2, $3, $4, $5)
     on conflict (tenant_id, calendar_id, holiday_date) do update set name = excluded.name, half_day = excluded.half_day
     returning h.holiday_date::text as date, h.name, h.half_day, (xmax = 0) as created`,
    [tenantId, calendarId, holiday.date, holiday.name, holiday.halfDay],
  );
  const row = rows[0] as { date: string; name: string; half_day: boolean; created: boolean };
  return { holiday: { date: row.date, name: row.name, halfDay: row.half_day }, created: row.created };
}

export async function deleteHoliday(
  tx: Tx,
  tenantId: string,
  calendarId: string,
  date: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    'delete from qultrix.holidays where tenant_id = $1 and calendar_id = $2 and holiday_date = $3',
    [tenantId, calendarId, date],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * Copies one year's holidays to the same month and day of another, in one
 * statement. Dates the target already has are kept as they are, and 29
 * February has no twin in a common year: both come back as skipped.
 */
export async function copyHolidays(
  tx: Tx,
  tenantId: string,
  calendarId: string,
  fromYear: number,
  toYear: number,
): Promise<{ copied: number; skipped: string[] }> {
  const { rows } = await tx.query<{ from_date: string; copied: boolean }>(
    `with source as (
       select holiday_date as from_date,
              (holiday_date + make_interval(years => $4::int - $3::int))::date as to_date, name, half_day
         from qultrix.holidays
        where tenant_id = $1 and calendar_id = $2
          and holiday_date >= make_date($3::int, 1, 1) and holiday_date < make_date($3::int + 1, 1, 1)
     ),
     inserted as (
       insert into qultrix.holidays (tenant_id, calendar_id, holiday_date, name, half_day)
       select $1, $2, to_date, name, half_day from source
        -- 29 February + n years lands on 28 February in a common year: not the same holiday.
        where extract(day from to_date) = extract(day from from_date)
       on conflict do nothing
       returning holiday_date
     )
     select s.from_date::text as from_date, (i.holiday_date is not null) as copied
       from source s left join inserted i
         on i.holiday_date = s.to_date and extract(day from s.to_date) = extract(day from s.from_date)
      order by s.from_date`,
    [tenantId, calendarId, fromYear, toYear],
  );
  return {
    copied: rows.filter((row) => row.copied).length,
    skipped: rows.filter((row) => !row.copied).map((row) => row.from_date),
  };
}
