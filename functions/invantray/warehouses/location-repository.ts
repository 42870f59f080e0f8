import { sqlState, UNIQUE_VIOLATION } from '@halooid/shared/db/errors';
import type { Tx } from '@halooid/shared/db/transaction';
import { ConflictError } from '@halooid/shared/errors';
import { type LocationKind, MAX_LOCATION_DEPTH } from '../domain/locations';

/** Writes to invantray.locations; reads with paths are in ../domain/locations.ts. */
export interface LocationFields {
  parentId: string | null;
  code: string;
  name: string | null;
  kind: LocationKind;
  barcode: string;
  active: boolean;
}

/**
 * The two unique indexes: a barcode is the tenant's one (a scan must name one
 * place), a code is its siblings' one (case-insensitive).
 */
function clash(error: unknown, fields: Pick<LocationFields, 'code' | 'barcode'>): never {
  if (sqlState(error) === UNIQUE_VIOLATION) {
    const constraint = (error as { constraint?: string }).constraint ?? '';
    if (constraint.includes('barcode'))
      throw new ConflictError(`Another location has the barcode ${fields.barcode}.`, 'barcode_taken', {
        barcode: fields.barcode,
      });
    throw new ConflictError(
      `A location beside it already has the code ${fields.code}.`,
      'location_code_taken',
      {
        code: fields.code,
      },
    );
  }
  throw error;
}

export async function insertLocation(
  tx: Tx,
  location: LocationFields & { tenantId: string; id: string; warehouseId: string },
): Promise<void> {
  await tx
    .query(
      `insert into invantray.locations (tenant_id, id, warehouse_id, parent_id, code, name, kind, barcode, active)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        location.tenantId,
        location.id,
        location.warehouseId,
        location.parentId,
        location.code,
        location.name,
        location.kind,
        location.barcode,
        location.active,
      ],
    )
    .catch((error: unknown) => clash(error, location));
}

interface LockedRow {
  id: string;
  warehouse_id: string;
  parent_id: string | null;
  code: string;
  name: string | null;
  kind: LocationKind;
  barcode: string;
  active: boolean;
  version: number;
}

export interface LockedLocation extends LocationFields {
  id: string;
  warehouseId: string;
  version: number;
}

/** The location's own row, locked for the rest of the transaction. */
export async function lockLocation(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<LockedLocation | undefined> {
  const { rows } = await tx.query<LockedRow>(
    `select id, warehouse_id, parent_id, code, name, kind, barcode, active, version
       from invantray.locations where tenant_id = $1 and id = $2 for update`,
    [tenantId, id],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    warehouseId: row.warehouse_id,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    barcode: row.barcode,
    active: row.active,
    version: row.version,
  };
}

/** The warehouse a location is in, read without a lock (to lock the warehouse first). */
export async function warehouseOfLocation(tx: Tx, tenantId: string, id: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ warehouse_id: string }>(
    'select warehouse_id from invantray.locations where tenant_id = $1 and id = $2',
    [tenantId, id],
  );
  return rows[0]?.warehouse_id;
}

/** The location and everything under it, each with its depth below it (0 for itself). */
export async function selectSubtree(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<{ id: string; level: number }[]> {
  const { rows } = await tx.query<{ id: string; level: number }>(
    `with recursive down as (
       select id, 0 as level from invantray.locations where tenant_id = $1 and id = $2
       union all
       select c.id, down.level + 1 from down
         join invantray.locations c on c.tenant_id = $1 and c.parent_id = down.id
        where down.level < ${MAX_LOCATION_DEPTH}
     )
     select id, level from down`,
    [tenantId, id],
  );
  return rows;
}

/** Whether any of these locations holds stock. */
export async function locationsHoldStock(tx: Tx, tenantId: string, ids: readonly string[]): Promise<boolean> {
  const { rows } = await tx.query(
    'select 1 from invantray.stock_balances where tenant_id = $1 and location_id = any($2::uuid[]) and on_hand > 0 limit 1',
    [tenantId, ids],
  );
  return rows.length > 0;
}

export async function updateLocationRow(
  tx: Tx,
  tenantId: string,
  id: string,
  fields: LocationFields,
): Promise<void> {
  await tx
    .query(
      `update invantray.locations
          set parent_id = $3, code = $4, name = $5, kind = $6, barcode = $7, active = $8, version = version + 1
        where tenant_id = $1 and id = $2`,
      [tenantId, id, fields.parentId, fields.code, fields.name, fields.kind, fields.barcode, fields.active],
    )
    .catch((error: unknown) => clash(error, fields));
}

/** Deactivates the descendants of a deactivated location (they are no place to put stock either). */
export async function deactivateLocations(tx: Tx, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `update invantray.locations set active = false, version = version + 1
      where tenant_id = $1 and id = any($2::uuid[]) and active`,
    [tenantId, ids],
  );
}

/** Locks the descendants too, so no move lands in them while they are checked for stock. */
export async function lockLocations(tx: Tx, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    'select id from invantray.locations where tenant_id = $1 and id = any($2::uuid[]) order by id for update',
    [tenantId, ids],
  );
}

/** Locks every location of a warehouse (in id order, as moves lock them) for a deactivation's stock check. */
export async function lockWarehouseLocations(tx: Tx, tenantId: string, warehouseId: string): Promise<void> {
  await tx.query(
    'select id from invantray.locations where tenant_id = $1 and warehouse_id = $2 order by id for update',
    [tenantId, warehouseId],
  );
}

export async function countLocations(tx: Tx, tenantId: string, warehouseId: string): Promise<number> {
  const { rows } = await tx.query<{ count: number }>(
    'select count(*)::int as count from invantray.locations where tenant_id = $1 and warehouse_id = $2',
    [tenantId, warehouseId],
  );
  return rows[0]?.count ?? 0;
}
