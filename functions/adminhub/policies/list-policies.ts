import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectPolicies } from './repository';
import type { ListPoliciesQuery } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type ListPoliciesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the tenant's policies. */
export function listPolicies(query: ListPoliciesQuery, deps: ListPoliciesDeps) {
  return selectPolicies(deps.tx, deps.principal.tenantId, query);
}
