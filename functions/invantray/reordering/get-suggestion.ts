import { trimDecimal } from '@halooid/shared/decimal';
import { BusinessRuleError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { ReorderSuggestion, SuggestionQuery } from './schemas';
import { decimalOf, SMOOTHING_ALPHA, suggestReorderPoint } from './suggestion-math';

export type GetSuggestionDeps = Pick<RequestDeps, 'tx' | 'principal' | 'now'>;

/** The demand history the suggestion looks at: the 90 whole UTC days before today. */
export const HISTORY_DAYS = 90;

const DAY_MS = 86_400_000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A reorder point computed from demand, beside the configured one. Demand
 * of an item in a warehouse is what left the warehouse: issues from its
 * locations, and transfers from them to another warehouse (a store
 * replenished from this one is demand here); transfers inside it, counts and
 * adjustments are not demand. Each of the 90 days before today is one value
 * (0 when nothing left), smoothed and spread as suggestion-math.ts says.
 */
export async function getSuggestion(
  itemId: string,
  query: SuggestionQuery,
  deps: GetSuggestionDeps,
): Promise<ReorderSuggestion> {
  const { tx } = deps;
  const tenantId = deps.principal.tenantId;
  const { rows: items } = await tx.query<{ lead_time_days: number | null }>(
    `select s.lead_time_days from invantray.items i
     left join invantray.suppliers s on s.tenant_id = i.tenant_id and s.id = i.default_supplier_id
     where i.tenant_id = $1 and i.id = $2`,
    [tenantId, itemId],
  );
  const item = items[0];
  if (!item) throw new NotFoundError('Item');
  const { rows: warehouses } = await tx.query<{
    reorder_point: string | null;
    reorder_quantity: string | null;
  }>(
    `select rs.reorder_point::text, rs.reorder_quantity::text from invantray.warehouses w
     left join invantray.reorder_settings rs on rs.tenant_id = w.tenant_id and rs.warehouse_id = w.id and rs.item_id = $3
     where w.tenant_id = $1 and w.id = $2`,
    [tenantId, query.warehouseId, itemId],
  );
  const warehouse = warehouses[0];
  if (!warehouse) throw new NotFoundError('Warehouse');
  const leadTimeDays = query.leadTimeDays ?? item.lead_time_days;
  if (leadTimeDays === null || leadTimeDays === undefined)
    throw new BusinessRuleError(
      'lead_time_unknown',
      'The item has no default supplier to take a lead time from: pass leadTimeDays.',
      [{ field: 'query.leadTimeDays', message: 'Name a lead time in days.', code: 'lead_time_unknown' }],
    );
  const today = new Date(`${dayOf(deps.now())}T00:00:00Z`);
  const from = dayOf(new Date(today.getTime() - HISTORY_DAYS * DAY_MS));
  const to = dayOf(new Date(today.getTime() - DAY_MS));
  const { rows } = await tx.query<{ quantity: string; total: string }>(
    `with issued as (
       select (m.posted_at at time zone 'UTC')::date as day, sum(m.quantity) as quantity
       from invantray.stock_moves m
       join invantray.locations f on f.tenant_id = m.tenant_id and f.id = m.from_location_id
       left join invantray.locations t on t.tenant_id = m.tenant_id and t.id = m.to_location_id
       where m.tenant_id = $1 and m.item_id = $2 and f.warehouse_id = $3
         and m.posted_at >= ($4::date::timestamp at time zone 'UTC')
         and m.posted_at < (($5::date + 1)::timestamp at time zone 'UTC')
         and (m.kind = 'issue' or (m.kind = 'transfer' and t.warehouse_id <> $3))
       group by 1
     )
     select coalesce(issued.quantity, 0)::text as quantity, coalesce(sum(issued.quantity) over (), 0)::text as total
     from generate_series($4::date, $5::date, interval '1 day') as days(day)
     left join issued on issued.day = days.day::date
     order by days.day`,
    [tenantId, itemId, query.warehouseId, from, to],
  );
  const series = rows.map((row) => Number(row.quantity));
  const suggestion = suggestReorderPoint(series, leadTimeDays, query.serviceLevel);
  return {
    itemId,
    warehouseId: query.warehouseId,
    from,
    to,
    days: series.length,
    totalIssued: trimDecimal(rows[0]?.total ?? '0'),
    averageDailyDemand: decimalOf(suggestion.averageDailyDemand),
    dailyDemand: decimalOf(suggestion.dailyDemand),
    smoothingAlpha: SMOOTHING_ALPHA,
    demandStdDev: decimalOf(suggestion.demandStdDev),
    leadTimeDays,
    leadTimeSource: query.leadTimeDays === undefined ? 'supplier' : 'request',
    serviceLevel: query.serviceLevel,
    z: Number(suggestion.z.toFixed(4)),
    safetyStock: decimalOf(suggestion.safetyStock),
    reorderPoint: decimalOf(suggestion.reorderPoint),
    configuredReorderPoint: warehouse.reorder_point === null ? null : trimDecimal(warehouse.reorder_point),
    configuredReorderQuantity:
      warehouse.reorder_quantity === null ? null : trimDecimal(warehouse.reorder_quantity),
  };
}
