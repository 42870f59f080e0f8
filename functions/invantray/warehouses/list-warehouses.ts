import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectWarehouses } from './repository';
import type { ListWarehousesQuery } from './schemas';

export type ListWarehousesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the tenant's warehouses, by code. */
export function listWarehouses(query: ListWarehousesQuery, deps: ListWarehousesDeps) {
  return selectWarehouses(deps.tx, deps.principal.tenantId, query);
}
