import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  Invoice,
  ListInvoicesQuery,
  ListReceiptsQuery,
  PurchaseOrderParams,
  Receipt,
  ReceiptParams,
  ReceiveBody,
  RecordInvoiceBody,
} from './schemas';

/**
 * Receiving goods against purchase orders, and supplier invoices with their
 * three-way match. Receiving is its own grant (`invantray:procurement:receive`):
 * the warehouse receives what buyers ordered without being able to order or
 * approve. Recording a supplier invoice is a buyer's work, so it takes
 * `invantray:procurement:order` (declared by purchase-orders/); reading
 * receipts and invoices takes `invantray:procurement:read`.
 */
export const receivingService = defineService({
  product: 'invantray',
  capability: 'receiving',
  description:
    'Receipts against purchase orders (partial, over-receipt tolerance, lots and serials) and supplier invoices with the three-way match.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [
    { type: 'purchase-order.received' },
    { type: 'purchase-order.invoice_matched' },
    { type: 'stock.moved' },
  ],
  permissions: [
    {
      name: 'invantray:procurement:receive',
      description: 'Receive goods against sent purchase orders (posts receipt moves).',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'receivePurchaseOrder',
      method: 'POST',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}/receipts',
      permission: 'invantray:procurement:receive',
      summary: 'Receive goods against a purchase order',
      description:
        'Only a `sent` or `partially_received` order (409 `invalid_transition` otherwise; an approved order must be sent first). ' +
        'Each line names an order line, a quantity (in `unit`, the item’s base unit when left out) and where it goes ' +
        '(the warehouse’s receiving location when left out; another warehouse’s location is a 422). A line may take at most ' +
        'its ordered quantity plus the tenant’s over-receipt tolerance, less what it received before: 422 `over_receipt` ' +
        'names the line and the most it may take. Lot-tracked items need `lotNumber`, serial-tracked items one of ' +
        '`serialNumbers` per unit (422 otherwise). Posts one receipt move per line (per serial) at the line’s price in the ' +
        'base currency, which moves the item’s average cost; the order becomes `partially_received`, or `received` once ' +
        'every line has all it ordered. Honours `Idempotency-Key`.',
      params: PurchaseOrderParams,
      body: ReceiveBody,
      status: 201,
      response: Receipt,
    }),
    defineRoute({
      operationId: 'listPurchaseOrderReceipts',
      method: 'GET',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}/receipts',
      permission: 'invantray:procurement:read',
      summary: 'List an order’s receipts',
      description: 'Newest first, each with its lines, a page at a time (`cursor` from the previous page).',
      params: PurchaseOrderParams,
      query: ListReceiptsQuery,
      response: pageOf(Receipt),
    }),
    defineRoute({
      operationId: 'getReceipt',
      method: 'GET',
      path: '/v1/invantray/receipts/{receiptId}',
      permission: 'invantray:procurement:read',
      summary: 'Get a receipt',
      description:
        'Its lines with item, location, lot or serial, quantity and cost; who received it and when.',
      params: ReceiptParams,
      response: Receipt,
    }),
    defineRoute({
      operationId: 'recordSupplierInvoice',
      method: 'POST',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}/invoices',
      permission: 'invantray:procurement:order',
      summary: 'Record a supplier invoice and match it',
      description:
        'For an order that was sent (409 `invalid_status` before), in the order’s currency (422 `currency_mismatch`), ' +
        'one line per order line in base units. Each line is three-way matched: `matched` when everything invoiced for ' +
        'the order line so far is at most what was received (plus the quantity tolerance) and the price is within the ' +
        'price tolerance of the order’s, either way; else `quantity_mismatch`, `price_mismatch` or `mismatch` (both). ' +
        'The invoice keeps its match as recorded; the order’s `matchStatus` combines all its invoices and is matched ' +
        'again when goods arrive. An invoice number already recorded for the order is a 409 `duplicate_invoice`. ' +
        'Honours `Idempotency-Key`.',
      params: PurchaseOrderParams,
      body: RecordInvoiceBody,
      status: 201,
      response: Invoice,
    }),
    defineRoute({
      operationId: 'listSupplierInvoices',
      method: 'GET',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}/invoices',
      permission: 'invantray:procurement:read',
      summary: 'List an order’s supplier invoices',
      description: 'Newest first, each with its match as recorded and the order’s match now.',
      params: PurchaseOrderParams,
      query: ListInvoicesQuery,
      response: pageOf(Invoice),
    }),
  ],
});
