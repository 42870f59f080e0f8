import type { Tx } from '@halooid/shared/db/transaction';

export interface SupplierPrice {
  unitPrice: string;
  currency: string;
  minQuantity: string;
  supplierSku: string | null;
  /** The day the chosen row took effect (YYYY-MM-DD). */
  effectiveFrom: string;
}

/**
 * A supplier's price for an item on a date and for a quantity (in the item's
 * base unit). Each quantity break has its own history: a row is in effect
 * from its `effective_from` until a newer row for the same break takes over,
 * and rows dated after `on` are not yet in effect. Among the breaks in effect,
 * the one with the largest minimum the quantity reaches wins (buying 150 with
 * breaks at 1, 100 and 500 pays the 100 price). Undefined when the supplier
 * quotes no price the quantity reaches on that date. Decimals stay text.
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
    effective_from: string;
  }>(
    `select unit_price::text, currency, min_quantity::text, supplier_sku, effective_from::text
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
        effectiveFrom: row.effective_from,
      }
    : undefined;
}

/**
 * SQL of the supplier price rows in effect on a date: per supplier, item and
 * quantity break, the newest row dated on or before it. `date` is a bound
 * placeholder (`$3`); `where` holds the caller's other conditions on `p`.
 */
export function pricesInEffectSql(date: string, where: string): string {
  return `select distinct on (p.supplier_id, p.item_id, p.min_quantity) p.*
          from invantray.supplier_prices p
          where ${where} and p.effective_from <= ${date}::date
          order by p.supplier_id, p.item_id, p.min_quantity, p.effective_from desc`;
}
