import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import type { ListMovesQuery, MoveRecord } from './schemas';

/** SQL reading the ledger (invantray.stock_moves); writing it is domain/stock-ledger.ts's alone. */
interface MoveRow {
  id: string;
  batch_id: string;
  kind: MoveRecord['kind'];
  item_id: string;
  sku: string;
  item_name: string;
  unit: string;
  lot_id: string | null;
  lot_number: string | null;
  quantity: string;
  from_location_id: string | null;
  from_code: string | null;
  from_warehouse_id: string | null;
  to_location_id: string | null;
  to_code: string | null;
  to_warehouse_id: string | null;
  unit_cost: string;
  reference_type: string | null;
  reference_id: string | null;
  note: string | null;
  posted_by: string | null;
  posted_by_key: string | null;
  posted_at: Date;
}

const SELECT = `select m.id, m.batch_id, m.kind, m.item_id, i.sku, i.name as item_name, i.unit,
         m.lot_id, l.number as lot_number, m.quantity::text,
         m.from_location_id, fl.code as from_code, fl.warehouse_id as from_warehouse_id,
         m.to_location_id, tl.code as to_code, tl.warehouse_id as to_warehouse_id,
         m.unit_cost::text, m.reference_type, m.reference_id, m.note, m.posted_by, m.posted_by_key, m.posted_at`;

const FROM = `from invantray.stock_moves m
  join invantray.items i on i.tenant_id = m.tenant_id and i.id = m.item_id
  left join invantray.lots l on l.tenant_id = m.tenant_id and l.id = m.lot_id
  left join invantray.locations fl on fl.tenant_id = m.tenant_id and fl.id = m.from_location_id
  left join invantray.locations tl on tl.tenant_id = m.tenant_id and tl.id = m.to_location_id`;

function toMove(row: MoveRow): MoveRecord {
  return {
    id: row.id,
    batchId: row.batch_id,
    kind: row.kind,
    itemId: row.item_id,
    sku: row.sku,
    itemName: row.item_name,
    unit: row.unit,
    lotId: row.lot_id,
    lotNumber: row.lot_number,
    quantity: trimDecimal(row.quantity),
    fromStockLocationId: row.from_location_id,
    fromLocationCode: row.from_code,
    fromWarehouseId: row.from_warehouse_id,
    toStockLocationId: row.to_location_id,
    toLocationCode: row.to_code,
    toWarehouseId: row.to_warehouse_id,
    unitCost: trimDecimal(row.unit_cost),
    reference:
      row.reference_type && row.reference_id ? { type: row.reference_type, id: row.reference_id } : null,
    note: row.note,
    postedBy: row.posted_by,
    postedByKey: row.posted_by_key,
    postedAt: row.posted_at.toISOString(),
  };
}

/** The moves of one batch in the order they were posted (ids are time-ordered uuid v7). */
export async function selectBatch(tx: Tx, tenantId: string, batchId: string): Promise<MoveRecord[]> {
  const { rows } = await tx.query<MoveRow>(
    `${SELECT} ${FROM} where m.tenant_id = $1 and m.batch_id = $2 order by m.id`,
    [tenantId, batchId],
  );
  return rows.map(toMove);
}

const SORTS: Record<string, SortColumn> = { postedAt: { sql: 'm.posted_at', type: 'timestamptz' } };
const ID: SortColumn = { sql: 'm.id', type: 'uuid' };

/** The ledger newest first, keyset-paged on (posted_at, id) — the stock_moves_posted_idx order. */
export function selectMoves(tx: Tx, tenantId: string, query: ListMovesQuery) {
  const filter = filterOf([tenantId], ['m.tenant_id = $1']);
  if (query.itemId) filter.where.push(`m.item_id = ${filter.bind(query.itemId)}`);
  if (query.kind) filter.where.push(`m.kind = ${filter.bind(query.kind)}`);
  if (query.batchId) filter.where.push(`m.batch_id = ${filter.bind(query.batchId)}`);
  if (query.referenceType) filter.where.push(`m.reference_type = ${filter.bind(query.referenceType)}`);
  if (query.referenceId) filter.where.push(`m.reference_id = ${filter.bind(query.referenceId)}`);
  if (query.stockLocationId) {
    const id = filter.bind(query.stockLocationId);
    filter.where.push(`(m.from_location_id = ${id} or m.to_location_id = ${id})`);
  }
  if (query.warehouseId) {
    const id = filter.bind(query.warehouseId);
    filter.where.push(`(fl.warehouse_id = ${id} or tl.warehouse_id = ${id})`);
  }
  if (query.from) filter.where.push(`m.posted_at >= ${filter.bind(query.from)}::timestamptz`);
  if (query.to) filter.where.push(`m.posted_at < ${filter.bind(query.to)}::timestamptz`);
  return selectPage(tx, filter, {
    select: (sortValues) => `${SELECT}, ${sortValues} ${FROM}`,
    terms: parseSort(undefined, SORTS, '-postedAt', ID),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: MoveRow & Record<string, unknown>) => toMove(row),
  });
}
