import type { PostalAddress } from '@halooid/shared/address';
import { sqlState, UNIQUE_VIOLATION } from '@halooid/shared/db/errors';
import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { ConflictError } from '@halooid/shared/errors';
import type { ListWarehousesQuery, Warehouse } from './schemas';

/** SQL for invantray.warehouses; every statement filters by tenant_id (RLS is the backstop). */
interface WarehouseRow {
  id: string;
  code: string;
  name: string;
  address: Record<string, string | null> | null;
  receiving_location_id: string | null;
  shipping_location_id: string | null;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'id, code, name, address, receiving_location_id, shipping_location_id, active, version, created_at, updated_at';
const SORTS: Record<string, SortColumn> = { code: { sql: 'lower(code)', type: 'text' } };

function toWarehouse(row: WarehouseRow): Warehouse {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    address: row.address,
    receivingLocationId: row.receiving_location_id,
    shippingLocationId: row.shipping_location_id,
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The unique index on lower(code): two warehouses cannot share a code, whatever its case. */
function codeTaken(error: unknown, code: string): never {
  if (sqlState(error) === UNIQUE_VIOLATION)
    throw new ConflictError(`Another warehouse has the code ${code}.`, 'warehouse_code_taken');
  throw error;
}

export interface WarehouseFields {
  code: string;
  name: string;
  address: PostalAddress | null;
  active: boolean;
}

export async function insertWarehouse(
  tx: Tx,
  warehouse: WarehouseFields & { tenantId: string; id: string },
): Promise<void> {
  await tx
    .query(
      `insert into invantray.warehouses (tenant_id, id, code, name, address, active)
       values ($1, $2, $3, $4, $5, $6)`,
      [warehouse.tenantId, warehouse.id, warehouse.code, warehouse.name, warehouse.address, warehouse.active],
    )
    .catch((error: unknown) => codeTaken(error, warehouse.code));
}

export async function setWarehouseDocks(
  tx: Tx,
  tenantId: string,
  id: string,
  docks: { receivingId: string; shippingId: string },
): Promise<Warehouse> {
  const { rows } = await tx.query<WarehouseRow>(
    `update invantray.warehouses set receiving_location_id = $3, shipping_location_id = $4
      where tenant_id = $1 and id = $2 returning ${COLUMNS}`,
    [tenantId, id, docks.receivingId, docks.shippingId],
  );
  return toWarehouse(rows[0] as WarehouseRow);
}

/**
 * One warehouse; `lock` takes its row for the rest of the transaction, which
 * also serialises changes to the shape of its location tree (re-parenting).
 */
export async function selectWarehouse(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Warehouse | undefined> {
  const { rows } = await tx.query<WarehouseRow>(
    `select ${COLUMNS} from invantray.warehouses where tenant_id = $1 and id = $2${options.lock ? ' for no key update' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toWarehouse(rows[0]) : undefined;
}

/** By code (case-insensitive), keyset-paged. */
export async function selectWarehouses(tx: Tx, tenantId: string, query: ListWarehousesQuery) {
  const filter = filterOf([tenantId], ['tenant_id = $1']);
  if (query.q) {
    const term = filter.bind(query.q);
    filter.where.push(`(strpos(lower(code), lower(${term})) > 0 or strpos(lower(name), lower(${term})) > 0)`);
  }
  if (query.active !== undefined) filter.where.push(`active = ${filter.bind(query.active)}`);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from invantray.warehouses`,
    terms: parseSort(undefined, SORTS, 'code'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: WarehouseRow & Record<string, unknown>) => toWarehouse(row),
  });
}

export async function updateWarehouseRow(
  tx: Tx,
  tenantId: string,
  id: string,
  fields: WarehouseFields,
): Promise<Warehouse> {
  const { rows } = await tx
    .query<WarehouseRow>(
      `update invantray.warehouses
          set code = $3, name = $4, address = $5, active = $6, version = version + 1, updated_at = now()
        where tenant_id = $1 and id = $2
        returning ${COLUMNS}`,
      [tenantId, id, fields.code, fields.name, fields.address, fields.active],
    )
    .catch((error: unknown) => codeTaken(error, fields.code));
  return toWarehouse(rows[0] as WarehouseRow);
}

/** Whether any location of the warehouse holds stock. */
export async function warehouseHoldsStock(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rows } = await tx.query(
    'select 1 from invantray.stock_balances where tenant_id = $1 and warehouse_id = $2 and on_hand > 0 limit 1',
    [tenantId, id],
  );
  return rows.length > 0;
}
