import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { lockPurchaseOrder, purchaseOrderSnapshot } from '../domain/purchase-orders';
import { loadSettings } from '../domain/settings';
import type { PurchaseOrderStatus } from '../domain/snapshots';
import { invantrayEvents } from '../events';
import { insertInvoice, invoiceNumberTaken, selectInvoice, storeInvoiceMatch } from './invoice-repository';
import { matchOrder, storeOrderMatch } from './match-status';
import { selectOrderLines } from './order-repository';
import { checkLinesOnOrder } from './receipt-plan';
import type { Invoice, RecordInvoiceInput } from './schemas';
import { combineMatches } from './three-way-match';

export type RecordInvoiceDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'events' | 'actor'>;

/**
 * A supplier bills what it was asked for: an order that was sent, whatever
 * has arrived since (an invoice ahead of the goods is recorded and shows as a
 * quantity mismatch until they come), up to and after closing.
 */
const INVOICEABLE: ReadonlySet<PurchaseOrderStatus> = new Set([
  'sent',
  'partially_received',
  'received',
  'closed',
]);

/**
 * Records a supplier invoice against an order and three-way matches it:
 * each line's invoiced total (this invoice and the earlier ones) against what
 * was received, and its price against the order's, within the tenant's
 * tolerances. The invoice keeps its match as recorded; the order's
 * `match_status` is recomputed over all its invoices. The order row is locked
 * first, so two invoices recorded at once count each other.
 */
export async function recordInvoice(
  orderId: string,
  input: RecordInvoiceInput,
  deps: RecordInvoiceDeps,
): Promise<Invoice> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const order = await lockPurchaseOrder(tx, tenantId, orderId);
  if (!INVOICEABLE.has(order.status))
    throw new ConflictError(
      `${order.number} is ${order.status}: invoices are recorded once an order was sent.`,
      'invalid_status',
      { status: order.status },
    );
  if (input.currency !== order.currency)
    throw new BusinessRuleError('currency_mismatch', `${order.number} is in ${order.currency}.`, [
      { field: 'body.currency', code: 'currency_mismatch', message: `The order is in ${order.currency}.` },
    ]);
  checkLinesOnOrder(input.lines, await selectOrderLines(tx, tenantId, order.id));
  const existingId = await invoiceNumberTaken(tx, tenantId, order.id, input.invoiceNumber);
  if (existingId)
    throw new ConflictError(
      `Invoice ${input.invoiceNumber} is already recorded against ${order.number}.`,
      'duplicate_invoice',
      { existingId },
    );

  const id = deps.newId();
  await insertInvoice(tx, {
    ...input,
    tenantId,
    id,
    purchaseOrderId: order.id,
    recordedBy: principal.principalType === 'user' ? principal.principalId : null,
    lineIds: input.lines.map(() => deps.newId()),
  });
  const matched = await matchOrder(tx, tenantId, order.id, await loadSettings(tx, tenantId));
  const mine = matched.filter((line) => line.invoiceId === id).map(({ invoiceId: _, ...line }) => line);
  const status = combineMatches(mine.map((line) => line.status));
  await storeInvoiceMatch(tx, tenantId, id, status, mine);
  await storeOrderMatch(tx, tenantId, order.id, matched);
  await deps.events.record(invantrayEvents, 'purchase-order.invoice_matched', {
    purchaseOrder: await purchaseOrderSnapshot(tx, tenantId, order.id),
    invoiceId: id,
    matchStatus: status,
  });
  const invoice = await selectInvoice(tx, tenantId, id);
  if (!invoice) throw new Error('The invoice just written cannot be read back.');
  await recordAudit(tx, deps.actor, {
    action: 'invantray.supplier_invoice.recorded',
    targetType: 'invantray.supplier_invoice',
    targetId: id,
    details: {
      invoiceNumber: input.invoiceNumber,
      purchaseOrderId: order.id,
      total: invoice.total,
      currency: invoice.currency,
      matchStatus: status,
    },
  });
  return invoice;
}
