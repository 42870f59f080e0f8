import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { checkVersion } from '@halooid/shared/http/versioning';
import { MAX_LOCATION_DEPTH, type StockLocation, selectLocation } from '../domain/locations';
import {
  deactivateLocations,
  type LocationFields,
  type LockedLocation,
  locationsHoldStock,
  lockLocation,
  lockLocations,
  selectSubtree,
  updateLocationRow,
  warehouseOfLocation,
} from './location-repository';
import { selectWarehouse } from './repository';
import type { UpdateLocationInput } from './schemas';

export type UpdateLocationDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

/**
 * PATCH a location: rename, re-code, re-kind, re-barcode, re-parent within
 * its warehouse, (de)activate. The warehouse row is locked first, so two
 * re-parentings in one warehouse queue and cannot build a cycle between
 * them; then the location, with `version` checked.
 * - A new parent under the location itself is a cycle: 422 `location_cycle`.
 * - Deactivating takes its subtree with it, and is a 409 `location_has_stock`
 *   while any of them holds stock.
 * - The warehouse's receiving and shipping locations stay where and what
 *   they are (422 `dock_location`); they may be renamed.
 * The barcode does not follow a re-parenting or new code: it is printed.
 */
export async function updateLocation(
  id: string,
  version: number,
  input: Omit<UpdateLocationInput, 'version'>,
  deps: UpdateLocationDeps,
): Promise<StockLocation> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const warehouseId = await warehouseOfLocation(tx, tenantId, id);
  if (!warehouseId || !(await selectWarehouse(tx, tenantId, warehouseId, { lock: true })))
    throw new NotFoundError('Location');
  // Stable from here: every re-parenting and every new location takes the warehouse lock first.
  const subtree = await selectSubtree(tx, tenantId, id);
  // Deactivating locks the whole subtree `for update` in id order (the order moves share-lock
  // locations in) before anything else, so a move into any of them and this check of their
  // stock serialize, without a deadlock.
  if (input.active === false)
    await lockLocations(
      tx,
      tenantId,
      subtree.map((node) => node.id),
    );
  const current = await lockLocation(tx, tenantId, id);
  if (!current) throw new NotFoundError('Location');
  checkVersion('location', current.version, version);
  const after: LocationFields = {
    parentId: input.parentId === undefined ? current.parentId : input.parentId,
    code: input.code ?? current.code,
    name: input.name === undefined ? current.name : input.name,
    kind: input.kind ?? current.kind,
    barcode: input.barcode ?? current.barcode,
    active: input.active ?? current.active,
  };
  const changed = (Object.keys(after) as (keyof LocationFields)[]).filter(
    (field) => after[field] !== current[field],
  );
  if (changed.length === 0) return (await selectLocation(tx, tenantId, id)) as StockLocation;
  checkDock(current, changed);
  if (changed.includes('parentId') || (changed.includes('active') && after.active))
    await checkParent(deps, current, after, subtree);
  if (changed.includes('active') && !after.active) {
    const ids = subtree.map((node) => node.id);
    if (await locationsHoldStock(tx, tenantId, ids))
      throw new ConflictError(
        'This location or one under it still holds stock: move it out before deactivating.',
        'location_has_stock',
      );
    await deactivateLocations(
      tx,
      tenantId,
      ids.filter((other) => other !== id),
    );
  }
  await updateLocationRow(tx, tenantId, id, after);
  await recordAudit(tx, deps.actor, {
    action: 'invantray.location.updated',
    targetType: 'invantray.location',
    targetId: id,
    details: { changes: changed },
  });
  return (await selectLocation(tx, tenantId, id)) as StockLocation;
}

function checkDock(current: LockedLocation, changed: (keyof LocationFields)[]): void {
  if (current.kind !== 'receiving' && current.kind !== 'shipping') return;
  if (changed.some((field) => field === 'parentId' || field === 'kind' || field === 'active'))
    throw new BusinessRuleError(
      'dock_location',
      'A warehouse’s receiving and shipping locations stay where and what they are; rename them if you like.',
    );
}

/** The new parent (or the current one, on reactivation): same warehouse, active, not inside the location, not too deep. */
async function checkParent(
  deps: UpdateLocationDeps,
  current: LockedLocation,
  after: LocationFields,
  subtree: { id: string; level: number }[],
): Promise<void> {
  if (!after.parentId) return;
  if (subtree.some((node) => node.id === after.parentId))
    throw new BusinessRuleError(
      'location_cycle',
      'A location cannot move under itself or a location inside it.',
    );
  const parent = await selectLocation(deps.tx, deps.principal.tenantId, after.parentId);
  if (parent?.warehouseId !== current.warehouseId)
    throw new ValidationError('The parent is not a location of this warehouse.', [
      { field: 'body.parentId', message: 'No such location in this warehouse.', code: 'parent_not_found' },
    ]);
  if (after.active && !parent.active)
    throw new BusinessRuleError('parent_inactive', 'The parent location is inactive.');
  const height = Math.max(...subtree.map((node) => node.level));
  if (parent.depth + 1 + height >= MAX_LOCATION_DEPTH)
    throw new BusinessRuleError('too_deep', `Locations nest at most ${MAX_LOCATION_DEPTH} deep.`);
}
