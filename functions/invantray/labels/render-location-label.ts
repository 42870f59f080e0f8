import { NotFoundError } from '@halooid/shared/errors';
import { selectLocation } from '../domain/locations';
import type { LabelContent } from './label';
import type { LabelDeps } from './render-item-label';

/** A location's label: its path in the warehouse (`WH1 / A / 03 / B2`), its name or kind, its barcode as the symbols. */
export async function locationLabel(stockLocationId: string, deps: LabelDeps): Promise<LabelContent> {
  const location = await selectLocation(deps.tx, deps.principal.tenantId, stockLocationId);
  if (!location) throw new NotFoundError('Location');
  return {
    title: [location.warehouseCode, ...location.path].join(' / '),
    subtitle: location.name ?? location.kind,
    value: location.barcode,
  };
}
