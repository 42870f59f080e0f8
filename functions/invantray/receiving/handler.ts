import { createHttpHandler } from '@halooid/shared/http/adapter';
import { getReceipt } from './get-receipt';
import { listInvoices } from './list-invoices';
import { listReceipts } from './list-receipts';
import { receivePurchaseOrder } from './receive-purchase-order';
import { recordInvoice } from './record-invoice';
import { receivingService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(receivingService, {
  receivePurchaseOrder: async ({ params, body, inTenant }) => {
    const receipt = await inTenant((deps) => receivePurchaseOrder(params.purchaseOrderId, body, deps));
    return { body: receipt, headers: { Location: `/v1/invantray/receipts/${receipt.id}` } };
  },
  listPurchaseOrderReceipts: async ({ params, query, inTenant }) => ({
    body: await inTenant((deps) => listReceipts(params.purchaseOrderId, query, deps)),
  }),
  getReceipt: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => getReceipt(params.receiptId, deps)),
  }),
  recordSupplierInvoice: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => recordInvoice(params.purchaseOrderId, body, deps)),
  }),
  listSupplierInvoices: async ({ params, query, inTenant }) => ({
    body: await inTenant((deps) => listInvoices(params.purchaseOrderId, query, deps)),
  }),
});
