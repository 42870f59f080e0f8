import { NotFoundError } from '@halooid/shared/errors';
import type { PriceReadDeps } from './list-supplier-prices';
import { selectItemSupplierPrices } from './price-repository';
import type { ItemSupplierPrices } from './schemas';

/**
 * The item page's "Suppliers" section: every supplier's quantity breaks in
 * effect today for the item, and its default supplier even without a price.
 */
export async function itemSupplierPrices(itemId: string, deps: PriceReadDeps): Promise<ItemSupplierPrices> {
  const { tx, principal } = deps;
  const { rows } = await tx.query<{ default_supplier_id: string | null }>(
    'select default_supplier_id from invantray.items where tenant_id = $1 and id = $2',
    [principal.tenantId, itemId],
  );
  const item = rows[0];
  if (!item) throw new NotFoundError('Item');
  const today = deps.now().toISOString().slice(0, 10);
  return selectItemSupplierPrices(
    tx,
    principal.tenantId,
    { id: itemId, defaultSupplierId: item.default_supplier_id },
    today,
  );
}
