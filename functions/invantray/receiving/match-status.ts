import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import type { InventorySettings } from '../domain/settings';
import type { InvoiceMatchLine } from './schemas';
import { combineMatches, type MatchStatus, matchLine } from './three-way-match';

/**
 * The three-way match of an order as it stands: every line of every
 * invoice recorded against it, each with everything invoiced for its order
 * line so far and what that line has received now. The order's
 * `match_status` is all of them combined; it is recomputed when an invoice is
 * recorded and when goods arrive (an invoice that came before the goods
 * matches once they are in).
 */
export interface MatchedInvoiceLine extends InvoiceMatchLine {
  invoiceId: string;
}

interface Row {
  invoice_id: string;
  purchase_order_line_id: string;
  line_no: number;
  item_id: string;
  sku: string;
  quantity: string;
  ordered: string;
  received: string;
  invoiced: string;
  ordered_price: string;
  invoiced_price: string;
}

export async function matchOrder(
  tx: Tx,
  tenantId: string,
  orderId: string,
  settings: Pick<InventorySettings, 'matchQuantityTolerancePercent' | 'matchPriceTolerancePercent'>,
): Promise<MatchedInvoiceLine[]> {
  const { rows } = await tx.query<Row>(
    `select il.invoice_id, il.purchase_order_line_id, pl.line_no, pl.item_id, i.sku,
            il.quantity::text, pl.quantity::text as ordered, pl.received_quantity::text as received,
            (sum(il.quantity) over (partition by il.purchase_order_line_id))::text as invoiced,
            pl.unit_price::text as ordered_price, il.unit_price::text as invoiced_price
     from invantray.supplier_invoice_lines il
     join invantray.supplier_invoices si on si.tenant_id = il.tenant_id and si.id = il.invoice_id
     join invantray.purchase_order_lines pl on pl.tenant_id = il.tenant_id and pl.id = il.purchase_order_line_id
     join invantray.items i on i.tenant_id = pl.tenant_id and i.id = pl.item_id
     where il.tenant_id = $1 and si.purchase_order_id = $2
     order by pl.line_no, il.invoice_id`,
    [tenantId, orderId],
  );
  const tolerances = {
    quantityPercent: settings.matchQuantityTolerancePercent,
    pricePercent: settings.matchPriceTolerancePercent,
  };
  return rows.map((row) => ({
    invoiceId: row.invoice_id,
    purchaseOrderLineId: row.purchase_order_line_id,
    lineNo: row.line_no,
    itemId: row.item_id,
    sku: row.sku,
    quantity: trimDecimal(row.quantity),
    ordered: trimDecimal(row.ordered),
    received: trimDecimal(row.received),
    invoiced: trimDecimal(row.invoiced),
    orderedPrice: trimDecimal(row.ordered_price),
    invoicedPrice: trimDecimal(row.invoiced_price),
    status: matchLine(
      {
        received: row.received,
        invoiced: row.invoiced,
        orderedPrice: row.ordered_price,
        invoicedPrice: row.invoiced_price,
      },
      tolerances,
    ),
  }));
}

/** Stores the order's combined match (a change bumps its version); `pending` while it has no invoice. */
export async function storeOrderMatch(
  tx: Tx,
  tenantId: string,
  orderId: string,
  lines: readonly MatchedInvoiceLine[],
): Promise<MatchStatus | 'pending'> {
  if (lines.length === 0) return 'pending';
  const status = combineMatches(lines.map((line) => line.status));
  await tx.query(
    `update invantray.purchase_orders
     set match_status = $3, version = version + 1, updated_at = now()
     where tenant_id = $1 and id = $2 and match_status <> $3`,
    [tenantId, orderId, status],
  );
  return status;
}

/** Matches the order again (after a receipt); nothing to do while it has no invoice. */
export async function refreshOrderMatch(
  tx: Tx,
  tenantId: string,
  orderId: string,
  settings: Pick<InventorySettings, 'matchQuantityTolerancePercent' | 'matchPriceTolerancePercent'>,
): Promise<void> {
  await storeOrderMatch(tx, tenantId, orderId, await matchOrder(tx, tenantId, orderId, settings));
}
