import { recordAudit } from '@halooid/shared/audit';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { defaultBarcode } from './location-codes';
import { insertLocation } from './location-repository';
import { insertWarehouse, setWarehouseDocks } from './repository';
import type { CreateWarehouseInput, Warehouse } from './schemas';

export type CreateWarehouseDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'actor'>;

/**
 * A warehouse and, in the same transaction, its receiving and shipping
 * locations (roots `RECEIVING` and `SHIPPING`, barcodes `<code>-RECEIVING`
 * and `<code>-SHIPPING`): receipts land in the one, issues leave from the
 * other, so a warehouse is usable the moment it exists. A code another
 * warehouse has (in any case) is a 409.
 */
export async function createWarehouse(
  input: CreateWarehouseInput,
  deps: CreateWarehouseDeps,
): Promise<Warehouse> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const id = deps.newId();
  await insertWarehouse(tx, {
    tenantId,
    id,
    code: input.code,
    name: input.name,
    address: input.address ?? null,
    active: input.active,
  });
  const dock = async (code: 'RECEIVING' | 'SHIPPING') => {
    const dockId = deps.newId();
    await insertLocation(tx, {
      tenantId,
      id: dockId,
      warehouseId: id,
      parentId: null,
      code,
      name: code === 'RECEIVING' ? 'Receiving' : 'Shipping',
      kind: code === 'RECEIVING' ? 'receiving' : 'shipping',
      barcode: defaultBarcode(input.code, [code]),
      active: true,
    });
    return dockId;
  };
  const receivingId = await dock('RECEIVING');
  const shippingId = await dock('SHIPPING');
  const warehouse = await setWarehouseDocks(tx, tenantId, id, { receivingId, shippingId });
  await recordAudit(tx, deps.actor, {
    action: 'invantray.warehouse.created',
    targetType: 'invantray.warehouse',
    targetId: id,
    details: { code: input.code, receivingLocationId: receivingId, shippingLocationId: shippingId },
  });
  return warehouse;
}
