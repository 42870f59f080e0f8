import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { SupplierWriteDeps } from './create-supplier';
import { insertPrice, priceIdByKey } from './price-repository';
import { selectSupplier } from './repository';
import type { CreateSupplierPriceInput, SupplierPrice } from './schemas';

export type AddSupplierPriceDeps = SupplierWriteDeps & { now: () => Date };

/**
 * Adds one quantity break of a supplier's price for an item, in effect from
 * `effectiveFrom` (today by default). A new price is a new row from its
 * date, never an edit: the old one stays as history. The same supplier,
 * item, break and date twice is a 409 `duplicate_supplier_price` naming the
 * row that has it.
 */
export async function addSupplierPrice(
  supplierId: string,
  input: CreateSupplierPriceInput,
  deps: AddSupplierPriceDeps,
): Promise<SupplierPrice> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const supplier = await selectSupplier(tx, tenantId, supplierId);
  if (!supplier) throw new NotFoundError('Supplier');
  const { rows: items } = await tx.query('select 1 from invantray.items where tenant_id = $1 and id = $2', [
    tenantId,
    input.itemId,
  ]);
  if (items.length === 0)
    throw new BusinessRuleError('item_not_found', 'There is no such item.', [
      { field: 'body.itemId', message: 'No item with this id.', code: 'item_not_found' },
    ]);
  const key = {
    supplierId,
    itemId: input.itemId,
    minQuantity: input.minQuantity ?? '1',
    effectiveFrom: input.effectiveFrom ?? deps.now().toISOString().slice(0, 10),
  };
  const price = await insertPrice(tx, {
    ...key,
    tenantId,
    id: deps.newId(),
    unitPrice: input.unitPrice,
    currency: input.currency ?? supplier.currency,
    supplierSku: input.supplierSku ?? null,
  });
  if (!price)
    throw new ConflictError(
      `${supplier.code} already has a price for this item from ${key.effectiveFrom} at that quantity; delete it or pick another date.`,
      'duplicate_supplier_price',
      { existingId: await priceIdByKey(tx, tenantId, key) },
    );
  await recordAudit(tx, deps.actor, {
    action: 'invantray.supplier_price.created',
    targetType: 'invantray.supplier_price',
    targetId: price.id,
    details: { supplierId, itemId: price.itemId, minQuantity: price.minQuantity, unitPrice: price.unitPrice },
  });
  return price;
}
