import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { cutoffOf } from '../domain/on-hand-at';
import { selectBalances } from './balances-repository';
import type { ListStockQuery } from './schemas';

export type ListStockDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * Stock per item × location × lot, by SKU: on hand, reserved and available
 * now, or only on hand at `at` (the balance minus the moves after it).
 */
export async function listStock(query: ListStockQuery, deps: ListStockDeps) {
  const cutoff = query.at ? cutoffOf(query.at) : undefined;
  const page = await selectBalances(deps.tx, deps.principal.tenantId, { ...query, cutoff });
  return { ...page, at: cutoff ?? null };
}
