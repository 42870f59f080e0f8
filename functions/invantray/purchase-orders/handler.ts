import { htmlResult, pdfResult } from '@halooid/shared/documents/responses';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { createPurchaseOrder } from './create-purchase-order';
import { approvePurchaseOrder, rejectPurchaseOrder } from './decide-purchase-order';
import { loadPurchaseOrderDocument } from './document';
import { purchaseOrderHtml } from './document-html';
import { getPurchaseOrder } from './get-purchase-order';
import { listPurchaseOrders } from './list-purchase-orders';
import type { PurchaseOrder } from './schemas';
import { purchaseOrdersService } from './service';
import { cancelPurchaseOrder, closePurchaseOrder, sendPurchaseOrder } from './settle-purchase-order';
import { submitPurchaseOrder } from './submit-purchase-order';
import { updatePurchaseOrder } from './update-purchase-order';

const answer = (order: PurchaseOrder) => ({ body: order, headers: etag(order.version) });

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(purchaseOrdersService, {
  listPurchaseOrders: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listPurchaseOrders(query, deps)),
  }),
  createPurchaseOrder: async ({ body, inTenant }) => {
    const order = await inTenant((deps) => createPurchaseOrder(body, deps));
    return {
      body: order,
      headers: { Location: `/v1/invantray/purchase-orders/${order.id}`, ...etag(order.version) },
    };
  },
  getPurchaseOrder: async ({ params, inTenant }) =>
    answer(await inTenant((deps) => getPurchaseOrder(params.purchaseOrderId, deps))),
  updatePurchaseOrder: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    return answer(
      await inTenant((deps) => updatePurchaseOrder(params.purchaseOrderId, version, changes, deps)),
    );
  },
  submitPurchaseOrder: async ({ params, inTenant }) =>
    answer(await inTenant((deps) => submitPurchaseOrder(params.purchaseOrderId, deps))),
  approvePurchaseOrder: async ({ params, inTenant }) =>
    answer(await inTenant((deps) => approvePurchaseOrder(params.purchaseOrderId, deps))),
  rejectPurchaseOrder: async ({ params, body, inTenant }) =>
    answer(await inTenant((deps) => rejectPurchaseOrder(params.purchaseOrderId, body.reason, deps))),
  sendPurchaseOrder: async ({ params, inTenant }) =>
    answer(await inTenant((deps) => sendPurchaseOrder(params.purchaseOrderId, deps))),
  cancelPurchaseOrder: async ({ params, inTenant }) =>
    answer(await inTenant((deps) => cancelPurchaseOrder(params.purchaseOrderId, deps))),
  closePurchaseOrder: async ({ params, inTenant }) =>
    answer(await inTenant((deps) => closePurchaseOrder(params.purchaseOrderId, deps))),
  getPurchaseOrderDocument: async ({ params, query, inTenant }) => {
    const doc = await inTenant((deps) => loadPurchaseOrderDocument(params.purchaseOrderId, deps));
    if (query.format !== 'pdf') return htmlResult(purchaseOrderHtml(doc), doc.number);
    // Loaded on the first PDF, as labels do: pdf-lib is most of the bundle, and the other routes never need it.
    const { purchaseOrderPdf } = await import('./document-pdf');
    return pdfResult(await purchaseOrderPdf(doc, new Date()), doc.number);
  },
});
