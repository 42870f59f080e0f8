import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectFields } from './repository';
import type { ListFieldsQuery } from './schemas';

/** One page of the tenant's definitions, by object and position (archived ones only when asked). */
export function listFields(query: ListFieldsQuery, deps: Pick<RequestDeps, 'tx' | 'principal'>) {
  return selectFields(deps.tx, deps.principal.tenantId, query);
}
