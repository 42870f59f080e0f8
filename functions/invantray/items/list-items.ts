import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectItems } from './repository';
import type { ListItemsQuery } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type ListItemsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the tenant's items, filtered and sorted as the query says. */
export function listItems(query: ListItemsQuery, deps: ListItemsDeps) {
  return selectItems(deps.tx, deps.principal.tenantId, query);
}
