import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectOrders } from './repository';
import type { ListPurchaseOrdersQuery } from './schemas';

export type ListPurchaseOrdersDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the tenant's purchase orders (everyone with the read grant sees all of them). */
export function listPurchaseOrders(query: ListPurchaseOrdersQuery, deps: ListPurchaseOrdersDeps) {
  return selectOrders(deps.tx, deps.principal.tenantId, query);
}
