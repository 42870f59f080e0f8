import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { revealsExpected, toCountSummary } from './count-view';
import { selectCounts } from './repository';
import type { CountSummary, ListCountsQuery } from './schemas';

export type ListCountsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** A page of the tenant's counts, newest first; each blind or revealed by its own status. */
export async function listCounts(
  query: ListCountsQuery,
  deps: ListCountsDeps,
): Promise<{ items: CountSummary[]; nextCursor: string | null }> {
  const page = await selectCounts(deps.tx, deps.principal.tenantId, query);
  return {
    items: page.items.map((row) => toCountSummary(row, revealsExpected(row.status, deps.principal.grants))),
    nextCursor: page.nextCursor,
  };
}
