import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { type StockLocation, selectWarehouseTree } from '../domain/locations';
import { selectWarehouse } from './repository';

export type ListLocationsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** The warehouse's location tree, flat in tree order; an unknown warehouse is a 404. */
export async function listLocations(
  warehouseId: string,
  options: { activeOnly?: boolean },
  deps: ListLocationsDeps,
): Promise<{ items: StockLocation[] }> {
  const tenantId = deps.principal.tenantId;
  if (!(await selectWarehouse(deps.tx, tenantId, warehouseId))) throw new NotFoundError('Warehouse');
  return { items: await selectWarehouseTree(deps.tx, tenantId, warehouseId, options) };
}
