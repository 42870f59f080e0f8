import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  CreatePurchaseOrderBody,
  DocumentQuery,
  ListPurchaseOrdersQuery,
  PurchaseOrder,
  PurchaseOrderParams,
  PurchaseOrderSummary,
  RejectPurchaseOrderBody,
  UpdatePurchaseOrderBody,
} from './schemas';

const ORDER = 'invantray:procurement:order';
const APPROVE = 'invantray:procurement:approve';
const READ = 'invantray:procurement:read';
const ANSWER = 'Answers the order as GET does, with the actions you may take next.';
const FROM = (statuses: string) =>
  `Only from ${statuses}; any other status is a 409 \`invalid_transition\` (with \`currentStatus\` and \`action\`). ${ANSWER}`;

/**
 * Purchase orders by hand and their life: draft → submitted → approved →
 * sent (→ received by the receiving capability) → closed, or cancelled.
 * Ordering and approving are separate grants because an approver must never
 * approve their own order: `order` drafts, edits, submits, sends, cancels
 * and closes; `approve` approves and rejects, and even then never the
 * order's creator or submitter, and above the Owner level only an Owner
 * (domain/approval.ts). Thresholds come from the tenant's settings.
 */
export const purchaseOrdersService = defineService({
  product: 'invantray',
  capability: 'purchase-orders',
  description:
    'Purchase orders: draft, edit, submit for approval, approve or reject, send, cancel, close, print.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [
    { type: 'purchase-order.created' },
    { type: 'purchase-order.submitted' },
    { type: 'purchase-order.approved' },
    { type: 'purchase-order.rejected' },
    { type: 'purchase-order.sent' },
    { type: 'purchase-order.cancelled' },
    { type: 'purchase-order.closed' },
  ],
  permissions: [
    { name: READ, description: 'See purchase orders and print them.' },
    {
      name: ORDER,
      description: 'Draft, edit, submit, send, cancel and close purchase orders.',
    },
    {
      name: APPROVE,
      description:
        'Approve or reject submitted purchase orders (never your own; above the Owner level only an Owner).',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listPurchaseOrders',
      method: 'GET',
      path: '/v1/invantray/purchase-orders',
      permission: READ,
      summary: 'List purchase orders',
      description:
        'Newest first unless `sort` says otherwise, a page at a time (`cursor` from the previous page).',
      query: ListPurchaseOrdersQuery,
      response: pageOf(PurchaseOrderSummary),
    }),
    defineRoute({
      operationId: 'createPurchaseOrder',
      method: 'POST',
      path: '/v1/invantray/purchase-orders',
      permission: ORDER,
      summary: 'Draft a purchase order',
      description:
        'A draft numbered PO-00001… in the supplier’s currency unless `currency` says otherwise (`exchangeRate` required when it is not the base currency). Each line’s `quantity` is in `unit` (default the item’s base unit) and stored in the base unit; `unitPrice` is per base unit and defaults to the supplier’s price for that quantity today. A missing supplier, warehouse or item, an inactive one, an unknown unit or a line without a price is a 422 naming the field. Honours `Idempotency-Key`.',
      body: CreatePurchaseOrderBody,
      status: 201,
      response: PurchaseOrder,
    }),
    defineRoute({
      operationId: 'getPurchaseOrder',
      method: 'GET',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}',
      permission: READ,
      summary: 'Get a purchase order',
      description:
        'With its lines (item sku, name and base unit, received quantity, line total), supplier and warehouse, who created, submitted and approved it, the total in the base currency, and `allowedActions`: what you may do to it now. Another tenant’s order, or none, is a 404.',
      params: PurchaseOrderParams,
      response: PurchaseOrder,
    }),
    defineRoute({
      operationId: 'updatePurchaseOrder',
      method: 'PATCH',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}',
      permission: ORDER,
      summary: 'Change a draft purchase order',
      description:
        'Only a draft (else 409 `invalid_transition`). Send `version` (or `If-Match`); a stale one gets 409 `version_conflict`. `lines`, when sent, become the order’s lines: an `id` edits that line, no `id` adds one, lines left out are removed. The total is recomputed.',
      params: PurchaseOrderParams,
      body: UpdatePurchaseOrderBody,
      headers: IF_MATCH_HEADER,
      response: PurchaseOrder,
    }),
    defineRoute({
      operationId: 'submitPurchaseOrder',
      method: 'POST',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}/submit',
      permission: ORDER,
      summary: 'Submit a purchase order for approval',
      description: `The approval it needs is decided from its total in the base currency against the tenant’s approval levels: below every level it is approved at once (\`requiredApproval\` none); otherwise it is \`submitted\` and the members who may approve it are notified. ${FROM('draft')}`,
      params: PurchaseOrderParams,
      response: PurchaseOrder,
    }),
    defineRoute({
      operationId: 'approvePurchaseOrder',
      method: 'POST',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}/approve',
      permission: APPROVE,
      summary: 'Approve a submitted purchase order',
      description: `A 403 for the order’s creator or submitter, for an API key, and for anyone but an Owner when \`requiredApproval\` is \`owner\`. ${FROM('submitted')}`,
      params: PurchaseOrderParams,
      response: PurchaseOrder,
    }),
    defineRoute({
      operationId: 'rejectPurchaseOrder',
      method: 'POST',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}/reject',
      permission: APPROVE,
      summary: 'Reject a submitted purchase order back to draft',
      description: `With a \`reason\` its creator is told. The same people may reject as may approve. ${FROM('submitted')}`,
      params: PurchaseOrderParams,
      body: RejectPurchaseOrderBody,
      response: PurchaseOrder,
    }),
    defineRoute({
      operationId: 'sendPurchaseOrder',
      method: 'POST',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}/send',
      permission: ORDER,
      summary: 'Mark a purchase order as sent to its supplier',
      description: `Goods may be received against it from then on. ${FROM('approved')}`,
      params: PurchaseOrderParams,
      response: PurchaseOrder,
    }),
    defineRoute({
      operationId: 'cancelPurchaseOrder',
      method: 'POST',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}/cancel',
      permission: ORDER,
      summary: 'Cancel a purchase order',
      description: `Only while nothing was received (else 409 \`already_received\`: close it instead). ${FROM('draft, submitted, approved or sent')}`,
      params: PurchaseOrderParams,
      response: PurchaseOrder,
    }),
    defineRoute({
      operationId: 'closePurchaseOrder',
      method: 'POST',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}/close',
      permission: ORDER,
      summary: 'Close a purchase order',
      description: `Nothing more will be received against it. ${FROM('partially received or received')}`,
      params: PurchaseOrderParams,
      response: PurchaseOrder,
    }),
    defineRoute({
      operationId: 'getPurchaseOrderDocument',
      method: 'GET',
      path: '/v1/invantray/purchase-orders/{purchaseOrderId}/document',
      permission: READ,
      summary: 'Print a purchase order',
      description:
        'The order as a document for its supplier: buyer, supplier, ship-to warehouse address, number, dates, lines (sku, name, quantity, unit, unit price, line total), total with currency and payment terms. `format=html` (default) is a standalone printable page; `format=pdf` an A4 PDF (send `Accept: application/pdf`).',
      params: PurchaseOrderParams,
      query: DocumentQuery,
      produces: ['text/html', 'application/pdf'],
    }),
  ],
});
