import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { type StockLocation, selectLocation } from '../domain/locations';

export type GetLocationDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One location with its path; another tenant's, or none, is a 404. */
export async function getLocation(id: string, deps: GetLocationDeps): Promise<StockLocation> {
  const location = await selectLocation(deps.tx, deps.principal.tenantId, id);
  if (!location) throw new NotFoundError('Location');
  return location;
}
