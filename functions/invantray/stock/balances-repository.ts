import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import { lotIdOf } from '../domain/decimals';
import { onHandSql, unitCostSql } from '../domain/on-hand-at';
import type { ListStockQuery, StockRow } from './schemas';

/** SQL reading balances (now, or at an instant through domain/on-hand-at.ts). */
interface BalanceRow {
  item_id: string;
  sku: string;
  item_name: string;
  unit: string;
  warehouse_id: string;
  warehouse_code: string;
  location_id: string;
  location_code: string;
  lot_key: string;
  lot_number: string | null;
  on_hand: string;
  reserved: string | null;
  available: string | null;
}

function toStockRow(row: BalanceRow): StockRow {
  // At an instant reserved (and so available) is unknown: reservations have no history.
  const historic = row.reserved === null || row.available === null;
  return {
    itemId: row.item_id,
    sku: row.sku,
    itemName: row.item_name,
    unit: row.unit,
    warehouseId: row.warehouse_id,
    warehouseCode: row.warehouse_code,
    stockLocationId: row.location_id,
    locationCode: row.location_code,
    lotId: lotIdOf(row.lot_key),
    lotNumber: row.lot_number,
    onHand: trimDecimal(row.on_hand),
    reserved: historic ? null : trimDecimal(row.reserved as string),
    available: historic ? null : trimDecimal(row.available as string),
  };
}

// Item by SKU, then a text key unique per row (item, location, lot) as the tie-break.
const SORTS: Record<string, SortColumn> = { sku: { sql: 'r.sort_sku', type: 'text' } };
const ROW_KEY: SortColumn = { sql: 'r.row_key', type: 'text' };

export function selectBalances(
  tx: Tx,
  tenantId: string,
  query: ListStockQuery & { cutoff?: string | undefined },
) {
  const filter = filterOf([tenantId], []);
  const scope = onHandSql(filter, {
    itemId: query.itemId,
    warehouseId: query.warehouseId,
    cutoff: query.cutoff,
  });
  const inner = `select s.item_id, i.sku, i.name as item_name, i.unit, s.warehouse_id, w.code as warehouse_code,
           s.location_id, loc.code as location_code, s.lot_key, l.number as lot_number,
           s.on_hand::text as on_hand, s.reserved::text as reserved, (s.on_hand - s.reserved)::text as available,
           s.on_hand as on_hand_value, s.reserved as reserved_value,
           lower(i.sku) as sort_sku, s.item_id::text || ':' || s.location_id::text || ':' || s.lot_key::text as row_key
    from (${scope}) s
    join invantray.items i on i.tenant_id = $1 and i.id = s.item_id
    join invantray.warehouses w on w.tenant_id = $1 and w.id = s.warehouse_id
    join invantray.locations loc on loc.tenant_id = $1 and loc.id = s.location_id
    left join invantray.lots l on l.tenant_id = $1 and l.id = s.lot_key`;
  if (query.stockLocationId) {
    const id = filter.bind(query.stockLocationId);
    filter.where.push(
      query.includeSublocations
        ? `r.location_id in (with recursive below as (
             select id from invantray.locations where tenant_id = $1 and id = ${id}
             union all
             select c.id from invantray.locations c join below on c.tenant_id = $1 and c.parent_id = below.id
           ) select id from below)`
        : `r.location_id = ${id}`,
    );
  }
  if (query.lotNumber) filter.where.push(`r.lot_number = ${filter.bind(query.lotNumber)}`);
  if (!query.includeZero) filter.where.push('(r.on_hand_value <> 0 or coalesce(r.reserved_value, 0) <> 0)');
  if (filter.where.length === 0) filter.where.push('true');
  return selectPage(tx, filter, {
    select: (sortValues) => `select r.*, ${sortValues} from (${inner}) r`,
    terms: parseSort(undefined, SORTS, 'sku', ROW_KEY),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: BalanceRow & Record<string, unknown>) => toStockRow(row),
  });
}

export interface SummaryRow {
  /** Null on the totals row. */
  warehouse_id: string | null;
  warehouse_code: string | null;
  warehouse_name: string | null;
  on_hand: string;
  reserved: string | null;
  available: string | null;
  value: string;
}

/**
 * One item's stock per warehouse (now or at an instant) with its value at the
 * item's unit cost then, plus a totals row (warehouse null, summed in SQL by
 * the grouping set); warehouses where it never was are left out.
 */
export async function selectItemSummary(
  tx: Tx,
  tenantId: string,
  itemId: string,
  cutoff: string | undefined,
): Promise<{ item: ItemCostRow | undefined; rows: SummaryRow[] }> {
  const itemFilter = filterOf([tenantId], []);
  const cost = unitCostSql(itemFilter, cutoff);
  const { rows: items } = await tx.query<ItemCostRow>(
    `select i.id, i.sku, i.unit, (${cost})::text as unit_cost
     from invantray.items i where i.tenant_id = $1 and i.id = ${itemFilter.bind(itemId)}`,
    itemFilter.params,
  );
  const item = items[0];
  if (!item) return { item: undefined, rows: [] };
  const filter = filterOf([tenantId], []);
  const scope = onHandSql(filter, { itemId, cutoff });
  const { rows } = await tx.query<SummaryRow>(
    `select s.warehouse_id, w.code as warehouse_code, w.name as warehouse_name,
            coalesce(sum(s.on_hand), 0)::text as on_hand, sum(s.reserved)::text as reserved,
            sum(s.on_hand - s.reserved)::text as available,
            coalesce(sum(round(s.on_hand * ${filter.bind(item.unit_cost)}::numeric, 2)), 0)::text as value
     from (${scope}) s join invantray.warehouses w on w.tenant_id = $1 and w.id = s.warehouse_id
     group by grouping sets ((s.warehouse_id, w.code, w.name), ())
     order by s.warehouse_id is null, lower(w.code)`,
    filter.params,
  );
  return { item, rows };
}

export interface ItemCostRow {
  id: string;
  sku: string;
  unit: string;
  unit_cost: string;
}
