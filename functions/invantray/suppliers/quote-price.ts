import { trimDecimal } from '@halooid/shared/decimal';
import { NotFoundError } from '@halooid/shared/errors';
import { priceFor } from '../domain/prices';
import { toBaseQuantity } from '../domain/units';
import type { PriceReadDeps } from './list-supplier-prices';
import { selectSupplier } from './repository';
import type { Quote, QuoteQuery } from './schemas';

/**
 * What the supplier charges for a quantity of an item on a date (today by
 * default), by domain/prices.ts `priceFor`: the quantity goes to the item's
 * base unit first, since breaks are counted in it. `price` is null when no
 * break the quantity reaches is in effect then.
 */
export async function quotePrice(supplierId: string, query: QuoteQuery, deps: PriceReadDeps): Promise<Quote> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  if (!(await selectSupplier(tx, tenantId, supplierId))) throw new NotFoundError('Supplier');
  const quantity = trimDecimal(await toBaseQuantity(tx, tenantId, query.itemId, query.quantity, query.unit));
  const on = query.on ?? deps.now().toISOString().slice(0, 10);
  const price = await priceFor(tx, tenantId, { supplierId, itemId: query.itemId, quantity, on });
  if (!price) return { supplierId, itemId: query.itemId, quantity, on, price: null };
  const { rows } = await tx.query<{ total: string }>(
    'select round($1::numeric * $2::numeric, 2)::text as total',
    [quantity, price.unitPrice],
  );
  return {
    supplierId,
    itemId: query.itemId,
    quantity,
    on,
    price: {
      unitPrice: trimDecimal(price.unitPrice, 2),
      currency: price.currency,
      minQuantity: trimDecimal(price.minQuantity),
      supplierSku: price.supplierSku,
      effectiveFrom: price.effectiveFrom,
      lineTotal: rows[0]?.total ?? '0.00',
    },
  };
}
