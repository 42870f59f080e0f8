import { trimDecimal } from '@halooid/shared/decimal';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { cutoffOf } from '../domain/on-hand-at';
import { loadSettings } from '../domain/settings';
import { selectValuation } from './repository';
import type { Valuation, ValuationQuery } from './schemas';

export type ValueStockDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * What the stock is worth, now or at `at`, by warehouse, category or item, in
 * the tenant's base currency. Items in no category form one row named
 * "Uncategorized" (id null).
 */
export async function valueStock(query: ValuationQuery, deps: ValueStockDeps): Promise<Valuation> {
  const { tx, principal } = deps;
  const cutoff = query.at ? cutoffOf(query.at) : undefined;
  const [rows, settings] = [
    await selectValuation(tx, principal.tenantId, query, cutoff),
    await loadSettings(tx, principal.tenantId),
  ];
  const total = rows.find((row) => row.is_total);
  return {
    at: cutoff ?? null,
    currency: settings.baseCurrency,
    groupBy: query.groupBy,
    rows: rows
      .filter((row) => !row.is_total)
      .map((row) => ({
        id: row.id,
        code: row.code,
        name: row.name ?? 'Uncategorized',
        quantity: trimDecimal(row.quantity),
        unitCost: row.unit_cost === null ? null : trimDecimal(row.unit_cost),
        value: trimDecimal(row.value, 2),
      })),
    totals: {
      quantity: trimDecimal(total?.quantity ?? '0'),
      value: trimDecimal(total?.value ?? '0', 2),
    },
  };
}
