import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { checkVersion } from '@halooid/shared/http/versioning';
import { lockWarehouseLocations } from './location-repository';
import { selectWarehouse, updateWarehouseRow, type WarehouseFields, warehouseHoldsStock } from './repository';
import type { UpdateWarehouseInput, Warehouse } from './schemas';

export type UpdateWarehouseDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

/**
 * PATCH: the warehouse locked, `version` checked (409 when stale), the sent
 * fields merged over the stored ones. Deactivating one that still holds stock
 * is a 409 `warehouse_has_stock`: move or count it out first. A new code does
 * not rename location barcodes: those are printed on shelves already.
 */
export async function updateWarehouse(
  id: string,
  version: number,
  input: Omit<UpdateWarehouseInput, 'version'>,
  deps: UpdateWarehouseDeps,
): Promise<Warehouse> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const current = await selectWarehouse(tx, tenantId, id, { lock: true });
  if (!current) throw new NotFoundError('Warehouse');
  checkVersion('warehouse', current.version, version);
  const before: WarehouseFields = {
    code: current.code,
    name: current.name,
    address: current.address,
    active: current.active,
  };
  const after: WarehouseFields = {
    code: input.code ?? before.code,
    name: input.name ?? before.name,
    address: input.address === undefined ? before.address : input.address,
    active: input.active ?? before.active,
  };
  const changed = (Object.keys(after) as (keyof WarehouseFields)[]).filter(
    (field) => JSON.stringify(after[field]) !== JSON.stringify(before[field]),
  );
  if (changed.length === 0) return current;
  if (before.active && !after.active) {
    // Every location locked before the stock check: a move share-locks its locations, so it and
    // this deactivation serialize (the move's stock is seen here, or the move sees the warehouse inactive).
    await lockWarehouseLocations(tx, tenantId, id);
    if (await warehouseHoldsStock(tx, tenantId, id))
      throw new ConflictError(
        'This warehouse still holds stock: move it out or count it to zero before deactivating.',
        'warehouse_has_stock',
      );
  }
  const warehouse = await updateWarehouseRow(tx, tenantId, id, after);
  await recordAudit(tx, deps.actor, {
    action: 'invantray.warehouse.updated',
    targetType: 'invantray.warehouse',
    targetId: id,
    details: { changes: changed },
  });
  return warehouse;
}
