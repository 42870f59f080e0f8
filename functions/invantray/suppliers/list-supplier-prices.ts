import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectPrices } from './price-repository';
import { selectSupplier } from './repository';
import type { ListSupplierPricesQuery } from './schemas';

export type PriceReadDeps = Pick<RequestDeps, 'tx' | 'principal' | 'now'>;

/** One page of a supplier's price rows (all, or with `current=true` those in effect today). */
export async function listSupplierPrices(
  supplierId: string,
  query: ListSupplierPricesQuery,
  deps: PriceReadDeps,
) {
  const tenantId = deps.principal.tenantId;
  if (!(await selectSupplier(deps.tx, tenantId, supplierId))) throw new NotFoundError('Supplier');
  const today = deps.now().toISOString().slice(0, 10);
  return selectPrices(deps.tx, { tenantId, supplierId, today }, query);
}
