import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectDomains } from './repository';
import type { ListDomainsQuery } from './schemas';

export type ListDomainsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the tenant's domains, newest first. */
export function listDomains(query: ListDomainsQuery, deps: ListDomainsDeps) {
  return selectDomains(deps.tx, deps.principal.tenantId, query);
}
