import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import { ConflictError } from '@halooid/shared/errors';
import { lotIdOf } from '../domain/decimals';
import type { ListReservationsQuery, Reservation } from './reservation-schemas';

/**
 * SQL for invantray.reservations and the `reserved` part of balances — the
 * one balance column changed outside domain/stock-ledger.ts, with the same
 * conditional-update rule: a reservation takes only what is available.
 */
interface ReservationRow {
  id: string;
  item_id: string;
  sku: string;
  unit: string;
  location_id: string;
  location_code: string;
  warehouse_id: string;
  lot_key: string;
  lot_number: string | null;
  quantity: string;
  status: Reservation['status'];
  reference_type: NonNullable<Reservation['reference']>['type'] | null;
  reference_id: string | null;
  note: string | null;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `select r.id, r.item_id, i.sku, i.unit, r.location_id, loc.code as location_code, loc.warehouse_id,
         r.lot_key, l.number as lot_number, r.quantity::text, r.status, r.reference_type, r.reference_id, r.note,
         r.created_by, r.version, r.created_at, r.updated_at
  from invantray.reservations r
  join invantray.items i on i.tenant_id = r.tenant_id and i.id = r.item_id
  join invantray.locations loc on loc.tenant_id = r.tenant_id and loc.id = r.location_id
  left join invantray.lots l on l.tenant_id = r.tenant_id and l.id = r.lot_key`;

function toReservation(row: ReservationRow): Reservation {
  return {
    id: row.id,
    itemId: row.item_id,
    sku: row.sku,
    unit: row.unit,
    stockLocationId: row.location_id,
    locationCode: row.location_code,
    warehouseId: row.warehouse_id,
    lotId: lotIdOf(row.lot_key),
    lotNumber: row.lot_number,
    quantity: trimDecimal(row.quantity),
    status: row.status,
    reference:
      row.reference_type && row.reference_id ? { type: row.reference_type, id: row.reference_id } : null,
    note: row.note,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function selectReservation(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Reservation | undefined> {
  // `for update of r`: a release and a consume of the same reservation queue instead of both succeeding.
  const { rows } = await tx.query<ReservationRow>(
    `${SELECT} where r.tenant_id = $1 and r.id = $2 ${options.lock ? 'for update of r' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toReservation(rows[0]) : undefined;
}

const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'r.created_at', type: 'timestamptz' } };
const ID: SortColumn = { sql: 'r.id', type: 'uuid' };

export function selectReservations(tx: Tx, tenantId: string, query: ListReservationsQuery) {
  const filter = filterOf([tenantId], ['r.tenant_id = $1']);
  if (query.itemId) filter.where.push(`r.item_id = ${filter.bind(query.itemId)}`);
  if (query.stockLocationId) filter.where.push(`r.location_id = ${filter.bind(query.stockLocationId)}`);
  if (query.status) filter.where.push(`r.status = ${filter.bind(query.status)}`);
  if (query.referenceType) filter.where.push(`r.reference_type = ${filter.bind(query.referenceType)}`);
  if (query.referenceId) filter.where.push(`r.reference_id = ${filter.bind(query.referenceId)}`);
  return selectPage(tx, filter, {
    select: (sortValues) => `${SELECT.replace('select ', `select ${sortValues}, `)}`,
    terms: parseSort(undefined, SORTS, '-createdAt', ID),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: ReservationRow & Record<string, unknown>) => toReservation(row),
  });
}

export interface BalanceKey {
  itemId: string;
  locationId: string;
  lotKey: string;
}

/**
 * Raises `reserved` by `quantity` only where that much is available: atomic,
 * so two reservations of the last units cannot both succeed. 409
 * `insufficient_stock` (with what is available) otherwise.
 */
export async function reserveOnBalance(
  tx: Tx,
  tenantId: string,
  key: BalanceKey,
  quantity: string,
  sku: string,
) {
  const { rowCount } = await tx.query(
    `update invantray.stock_balances set reserved = reserved + $5::numeric, updated_at = now()
     where tenant_id = $1 and item_id = $2 and location_id = $3 and lot_key = $4
       and on_hand - reserved >= $5::numeric`,
    [tenantId, key.itemId, key.locationId, key.lotKey, quantity],
  );
  if (rowCount === 1) return;
  const { rows } = await tx.query<{ available: string }>(
    `select (on_hand - reserved)::text as available from invantray.stock_balances
     where tenant_id = $1 and item_id = $2 and location_id = $3 and lot_key = $4`,
    [tenantId, key.itemId, key.locationId, key.lotKey],
  );
  const available = trimDecimal(rows[0]?.available ?? '0');
  throw new ConflictError(
    `Only ${available} of ${sku} is available there; ${trimDecimal(quantity)} was asked.`,
    'insufficient_stock',
    { itemId: key.itemId, stockLocationId: key.locationId, available },
  );
}

/** Gives a released reservation's quantity back to available. */
export async function unreserveOnBalance(tx: Tx, tenantId: string, key: BalanceKey, quantity: string) {
  const { rowCount } = await tx.query(
    `update invantray.stock_balances set reserved = reserved - $5::numeric, updated_at = now()
     where tenant_id = $1 and item_id = $2 and location_id = $3 and lot_key = $4 and reserved >= $5::numeric`,
    [tenantId, key.itemId, key.locationId, key.lotKey, quantity],
  );
  // Only a balance changed behind the ledger's back could hold less reserved than an active reservation.
  if (rowCount !== 1)
    throw new ConflictError(
      'The balance holds less reserved than this reservation.',
      'reservation_out_of_sync',
    );
}

export async function insertReservation(
  tx: Tx,
  row: {
    tenantId: string;
    id: string;
    key: BalanceKey;
    quantity: string;
    reference: { type: string; id: string } | null;
    note: string | null;
    createdBy: string | null;
  },
): Promise<void> {
  await tx.query(
    `insert into invantray.reservations
       (tenant_id, id, item_id, location_id, lot_key, quantity, reference_type, reference_id, note, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      row.tenantId,
      row.id,
      row.key.itemId,
      row.key.locationId,
      row.key.lotKey,
      row.quantity,
      row.reference?.type ?? null,
      row.reference?.id ?? null,
      row.note,
      row.createdBy,
    ],
  );
}

/** Status and what is still held after a release or a (partial) consume. */
export async function updateReservation(
  tx: Tx,
  tenantId: string,
  id: string,
  change: { status: Reservation['status']; quantity: string },
): Promise<void> {
  await tx.query(
    `update invantray.reservations set status = $3, quantity = $4::numeric, version = version + 1, updated_at = now()
     where tenant_id = $1 and id = $2`,
    [tenantId, id, change.status, change.quantity],
  );
}
