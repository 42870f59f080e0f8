import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectWarehouse } from './repository';
import type { Warehouse } from './schemas';

export type GetWarehouseDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One warehouse of the caller's tenant; another tenant's, or none, is a 404. */
export async function getWarehouse(id: string, deps: GetWarehouseDeps): Promise<Warehouse> {
  const warehouse = await selectWarehouse(deps.tx, deps.principal.tenantId, id);
  if (!warehouse) throw new NotFoundError('Warehouse');
  return warehouse;
}
