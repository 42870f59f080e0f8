import { trimDecimal } from '@halooid/shared/decimal';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { cutoffOf } from '../domain/on-hand-at';
import { loadSettings } from '../domain/settings';
import { type SummaryRow, selectItemSummary } from './balances-repository';
import type { StockSummary, StockSummaryQuery } from './schemas';

export type StockSummaryDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * One item's stock by warehouse for its page: on hand, reserved, available
 * and value (on hand × its unit cost, rounded to cents per location, in the
 * base currency), now or at `at`. Another tenant's item is a 404.
 */
export async function stockSummary(query: StockSummaryQuery, deps: StockSummaryDeps): Promise<StockSummary> {
  const { tx, principal } = deps;
  const cutoff = query.at ? cutoffOf(query.at) : undefined;
  const { item, rows } = await selectItemSummary(tx, principal.tenantId, query.itemId, cutoff);
  if (!item) throw new NotFoundError('Item not found.');
  const settings = await loadSettings(tx, principal.tenantId);
  const figures = (row: SummaryRow | undefined) => ({
    onHand: trimDecimal(row?.on_hand ?? '0'),
    // At an instant reservations are unknown; with no stock anywhere nothing is reserved.
    reserved: cutoff ? null : trimDecimal(row?.reserved ?? '0'),
    available: cutoff ? null : trimDecimal(row?.available ?? '0'),
    value: trimDecimal(row?.value ?? '0', 2),
  });
  return {
    itemId: item.id,
    sku: item.sku,
    unit: item.unit,
    averageCost: trimDecimal(item.unit_cost),
    currency: settings.baseCurrency,
    at: cutoff ?? null,
    warehouses: rows
      .filter((row) => row.warehouse_id !== null)
      .map((row) => ({
        warehouseId: row.warehouse_id as string,
        warehouseCode: row.warehouse_code ?? '',
        warehouseName: row.warehouse_name ?? '',
        ...figures(row),
      })),
    total: figures(rows.find((row) => row.warehouse_id === null)),
  };
}
