import type { SupplierReadDeps } from './get-supplier';
import { selectSuppliers } from './repository';
import type { ListSuppliersQuery } from './schemas';

/** One page of the tenant's suppliers (active ones unless `active` says otherwise). */
export function listSuppliers(query: ListSuppliersQuery, deps: SupplierReadDeps) {
  return selectSuppliers(deps.tx, deps.principal.tenantId, query);
}
