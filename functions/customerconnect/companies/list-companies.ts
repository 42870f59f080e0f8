import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectCompanies } from './repository';
import type { ListCompaniesQuery } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type ListCompaniesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the tenant's companies. */
export function listCompanies(query: ListCompaniesQuery, deps: ListCompaniesDeps) {
  return selectCompanies(deps.tx, deps.principal.tenantId, query);
}
