import type { Tx } from '@halooid/shared/db/transaction';
import { asConflict } from './checks';
import type { Location } from './schemas';

/** SQL for qultrix.locations; every statement filters by tenant_id (RLS is the backstop). */
interface LocationRow {
  id: string;
  name: string;
  time_zone: string;
  holiday_calendar_id: string | null;
  address: Location['address'];
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type LocationFields = Pick<Location, 'name' | 'timeZone' | 'holidayCalendarId' | 'address'>;

const COLUMNS = 'id, name, time_zone, holiday_calendar_id, address, version, created_at, updated_at';

function toLocation(row: LocationRow): Location {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    holidayCalendarId: row.holiday_calendar_id,
    address: row.address,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const values = (fields: LocationFields) => [
  fields.name,
  fields.timeZone,
  fields.holidayCalendarId,
  fields.address === null ? null : JSON.stringify(fields.address),
];

/** Every location of the tenant by name (a tenant has a handful to hundreds: one list, no pages). */
export async function selectLocations(tx: Tx, tenantId: string): Promise<Location[]> {
  const { rows } = await tx.query<LocationRow>(
    `select ${COLUMNS} from qultrix.locations where tenant_id = $1 order by lower(name), id`,
    [tenantId],
  );
  return rows.map(toLocation);
}

export async function selectLocation(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Location | undefined> {
  const { rows } = await tx.query<LocationRow>(
    `select ${COLUMNS} from qultrix.locations where tenant_id = $1 and id = $2${options.forUpdate ? ' for no key update' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toLocation(rows[0]) : undefined;
}

export async function insertLocation(tx: Tx, tenantId: string, id: string, fields: LocationFields) {
  try {
    const { rows } = await tx.query<LocationRow>(
      `insert into qultrix.locations (tenant_id, id, name, time_zone, holiday_calendar_id, address)
       values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
      [tenantId, id, ...values(fields)],
    );
    return toLocation(rows[0] as LocationRow);
  } catch (error) {
    asConflict(error, 'location');
  }
}

export async function updateLocation(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  fields: LocationFields,
): Promise<Location | undefined> {
  try {
    const { rows } = await tx.query<LocationRow>(
      `update qultrix.locations
          set name = $4, time_zone = $5, holiday_calendar_id = $6, address = $7,
              version = version + 1, updated_at = now()
        where tenant_id = $1 and id = $2 and version = $3
        returning ${COLUMNS}`,
      [tenantId, id, version, ...values(fields)],
    );
    return rows[0] ? toLocation(rows[0]) : undefined;
  } catch (error) {
    asConflict(error, 'location');
  }
}

/** How many employees (any status) work at the location. */
export async function locationEmployees(tx: Tx, tenantId: string, id: string): Promise<number> {
  const { rows } = await tx.query<{ count: number }>(
    'select count(*)::int as count from qultrix.employees where tenant_id = $1 and location_id = $2',
    [tenantId, id],
  );
  return rows[0]?.count ?? 0;
}

export async function deleteLocation(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  try {
    const { rowCount } = await tx.query('delete from qultrix.locations where tenant_id = $1 and id = $2', [
      tenantId,
      id,
    ]);
    return (rowCount ?? 0) > 0;
  } catch (error) {
    asConflict(error, 'location');
  }
}
