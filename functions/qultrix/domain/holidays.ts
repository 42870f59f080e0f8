import type { Tx } from '@halooid/shared/db/transaction';

/** A holiday as working-day counts need it: its date and whether only half the day is off. */
export interface HolidayDay {
  date: string;
  halfDay: boolean;
}

/**
 * The holidays of a location's calendar between two dates (both included),
 * oldest first. A location without a calendar, or no location, has none.
 * Used by time off to count working days; dates stay text (YYYY-MM-DD) so
 * they never pass through a JS Date and a time zone.
 */
export async function holidaysFor(
  tx: Tx,
  tenantId: string,
  locationId: string | null,
  from: string,
  to: string,
): Promise<HolidayDay[]> {
  if (!locationId) return [];
  const { rows } = await tx.query<{ date: string; half_day: boolean }>(
    `select h.holiday_date::text as date, h.half_day
       from qultrix.locations l
       join qultrix.holidays h on h.tenant_id = l.tenant_id and h.calendar_id = l.holiday_calendar_id
      where l.tenant_id = $1 and l.id = $2 and h.holiday_date between $3::date and $4::date
      order by h.holiday_date`,
    [tenantId, locationId, from, to],
  );
  return rows.map((row) => ({ date: row.date, halfDay: row.half_day }));
}
