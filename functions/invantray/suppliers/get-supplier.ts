import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectSupplier } from './repository';
import type { Supplier } from './schemas';

export type SupplierReadDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One supplier of the caller's tenant; another tenant's, or none, is a 404. */
export async function getSupplier(id: string, deps: SupplierReadDeps): Promise<Supplier> {
  const supplier = await selectSupplier(deps.tx, deps.principal.tenantId, id);
  if (!supplier) throw new NotFoundError('Supplier');
  return supplier;
}
