import type { Filter } from '@halooid/shared/db/pagination';
import * as z from 'zod';
import { NO_LOT } from './decimals';

/**
 * On hand per item × location × lot, now or at a past instant, as one SQL
 * subquery that the stock list, the item summary and the valuation report
 * build on.
 *
 * At an instant the figure is the current balance minus the moves posted
 * after it (`current − Σ later moves`), not the sum of the ledger since the
 * beginning of time: the work grows with how far back the instant is, so
 * "end of last month" over a ten-million-row ledger reads last month's moves
 * through the (tenant, posted_at) and (tenant, item, posted_at) indexes and
 * the balance rows, never the whole ledger. Both are read in one statement
 * snapshot, and a balance and its moves always commit together, so the
 * result equals the ledger's sum up to the instant exactly
 * (docs/decisions.md "On hand at a date is the balance minus later moves").
 *
 * Every item × location × lot a move ever touched has a balance row (the
 * ledger makes it on first use and never deletes it), so the balances are a
 * complete list of keys.
 */

/**
 * `?at=` of the stock and valuation reports: an instant or a calendar date.
 * Year 0000 is refused here: ISO 8601 allows it, Postgres has no year 0.
 */
export const AtInput = z
  .union([z.iso.date(), z.iso.datetime({ offset: true }).max(40)])
  .refine((value) => !value.startsWith('0000'), 'Year 0000 does not exist.')
  .meta({
    description:
      'An ISO 8601 instant (`2026-03-31T17:00:00Z`; to the millisecond it covers that whole millisecond) or a calendar date (`2026-03-31`: the close of that day, UTC).',
  });

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** More than millisecond precision: the caller meant that exact microsecond. */
const SUB_MILLISECOND = /\.\d{4,}/;

/**
 * The last instant a report "at" this value includes (timestamptz resolution
 * is the microsecond):
 * - a calendar date: the close of that day in UTC, so "at 2026-03-31"
 *   includes that day's moves;
 * - an instant to the millisecond (what the API itself answers, `postedAt`):
 *   the end of that millisecond, so asking "at" a move's own `postedAt`
 *   includes that move even though the ledger keeps microseconds;
 * - an instant with finer precision: as given.
 */
export function cutoffOf(at: string): string {
  if (DATE_ONLY.test(at)) return `${at}T23:59:59.999999Z`;
  if (SUB_MILLISECOND.test(at)) return at;
  return new Date(at).toISOString().replace('Z', '999Z');
}

export interface OnHandScope {
  /** Only this item (uses the ledger's item index). */
  itemId?: string | undefined;
  /** Only balances in this warehouse. */
  warehouseId?: string | undefined;
  /** The report's instant (`cutoffOf`); undefined means now. */
  cutoff?: string | undefined;
}

/**
 * `select item_id, location_id, lot_key, warehouse_id, on_hand, reserved from …`
 * for the scope, binding its values into `filter` (whose first parameter is
 * the tenant id). `reserved` is null at an instant: reservations have no history.
 */
export function onHandSql(filter: Filter, scope: OnHandScope): string {
  const balanceWhere = ['b.tenant_id = $1'];
  if (scope.itemId) balanceWhere.push(`b.item_id = ${filter.bind(scope.itemId)}`);
  if (scope.warehouseId) balanceWhere.push(`b.warehouse_id = ${filter.bind(scope.warehouseId)}`);
  if (!scope.cutoff) {
    return `select b.item_id, b.location_id, b.lot_key, b.warehouse_id, b.on_hand, b.reserved
            from invantray.stock_balances b where ${balanceWhere.join(' and ')}`;
  }
  const moveWhere = ['m.tenant_id = $1', `m.posted_at > ${filter.bind(scope.cutoff)}::timestamptz`];
  if (scope.itemId) moveWhere.push(`m.item_id = ${filter.bind(scope.itemId)}`);
  // Each later move counts once per side: + at its destination, − at its source.
  return `select b.item_id, b.location_id, b.lot_key, b.warehouse_id,
                 b.on_hand - coalesce(later.delta, 0) as on_hand, null::numeric as reserved
          from invantray.stock_balances b
          left join (
            select m.item_id, side.location_id, coalesce(m.lot_id, '${NO_LOT}'::uuid) as lot_key,
                   sum(side.delta) as delta
            from invantray.stock_moves m
            cross join lateral (values (m.to_location_id, m.quantity), (m.from_location_id, -m.quantity))
              as side (location_id, delta)
            where ${moveWhere.join(' and ')} and side.location_id is not null
            group by 1, 2, 3
          ) later on later.item_id = b.item_id and later.location_id = b.location_id and later.lot_key = b.lot_key
          where ${balanceWhere.join(' and ')}`;
}

/**
 * The item's unit cost at the instant, as a SQL expression over an items
 * row aliased `i`: its latest moving average on or before the cutoff
 * (item_costs); an item whose average never changed by then (no costed
 * receipt yet) is valued at its current average, which is what it has been
 * carried at since (docs/decisions.md "Valuation at a date").
 */
export function unitCostSql(filter: Filter, cutoff: string | undefined): string {
  if (!cutoff) return 'i.average_cost';
  return `coalesce((select c.average_cost from invantray.item_costs c
                    where c.tenant_id = i.tenant_id and c.item_id = i.id
                      and c.effective_at <= ${filter.bind(cutoff)}::timestamptz
                    order by c.effective_at desc, c.move_id desc limit 1), i.average_cost)`;
}
