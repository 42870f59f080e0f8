import type { Tx } from '@halooid/shared/db/transaction';

export interface SupplierPrice {
  unitPrice: string;
  currency: string;
  minQuantity: string;
  supplierSku: string | null;
}

/**
 * A supplier's price for an item on a date and for a quantity: among the rows
 * in effect on that date (the newest `effective_from` on or before it, per
 * quantity break), the break with the largest minimum the quantity reaches.
 * Undefined when the supplier quotes no price for it.
 */
export async function priceFor(
  tx: Tx,
  tenantId: string,
  request: { supplierId: string; itemId: string; quantity: string; on: string },
): Promise<SupplierPrice | undefined> {
  const { rows } = await tx.query<{
    unit_price: string;
    currency: string;
    min_quantity: string;
    supplier_sku: string | null;
  }>(
    `select distinct on (min_quantity) unit_price::text, currency, min_quantity::text, supplier_sku
     from invantray.supplier_prices
     where tenant_id = $1 and supplier_id = $2 and item_id = $3 and effective_from <= $5::date
       and min_quantity <= $4::numeric
     order by min_quantity desc, effective_from desc
     limit 1`,
    [tenantId, request.supplierId, request.itemId, request.quantity, request.on],
  );
  const row = rows[0];
  return row
    ? {
        unitPrice: row.unit_price,
        currency: row.currency,
        minQuantity: row.min_quantity,
        supplierSku: row.supplier_sku,
      }
    : undefined;
}
