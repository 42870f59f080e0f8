import { defineCatalog } from '@halooid/shared/events/catalog';
import * as z from 'zod';
import { MoveSnapshot, PurchaseOrderSnapshot } from './domain/snapshots';

/**
 * Invantray's event catalog: what other products, notifications and
 * webhooks may rely on, each `<resource>.<verb>` with a versioned zod schema
 * of its `data`. A breaking change to a schema is a new version, never an edit.
 */
export const invantrayEvents = defineCatalog('invantray', {
  'item.created': {
    version: 1,
    description: 'An item was created.',
    schema: z.object({ item: z.object({ id: z.uuid(), sku: z.string(), name: z.string() }) }),
  },
  'item.updated': {
    version: 1,
    description: 'An item changed; `changes` names the fields.',
    schema: z.object({
      item: z.object({ id: z.uuid(), sku: z.string(), name: z.string() }),
      changes: z.array(z.string()).min(1),
    }),
  },
  'stock.moved': {
    version: 1,
    description:
      'Stock moved: the moves posted together in one transaction (a receipt, a transfer, an issue, a count’s adjustments), each with its item, quantity, locations, cost and reference (an issue against a Taskodex task names `{type: "task", id}`).',
    schema: z.object({ batchId: z.uuid(), moves: z.array(MoveSnapshot).min(1).max(1000) }),
  },
  'stock.below_reorder_point': {
    version: 1,
    description:
      'An item’s available plus on-order quantity in a warehouse fell below its reorder point; `purchaseOrderId` is the draft order that now covers it.',
    schema: z.object({
      itemId: z.uuid(),
      sku: z.string(),
      warehouseId: z.uuid(),
      available: z.string(),
      onOrder: z.string(),
      reorderPoint: z.string(),
      reorderQuantity: z.string(),
      purchaseOrderId: z.uuid().nullable(),
    }),
  },
  'count.posted': {
    version: 1,
    description: 'A cycle count was posted: its variances became `count` moves.',
    schema: z.object({
      countId: z.uuid(),
      number: z.string(),
      locationId: z.uuid(),
      varianceValue: z.string(),
      approvedBy: z.uuid().nullable(),
    }),
  },
  'requisition.submitted': {
    version: 1,
    description: 'A purchase requisition was submitted for a buyer to approve.',
    schema: z.object({ requisitionId: z.uuid(), number: z.string(), requestedBy: z.uuid().nullable() }),
  },
  'requisition.decided': {
    version: 1,
    description:
      'A buyer approved or rejected a requisition; `note` is the buyer’s note (a rejection’s reason). The requester is notified.',
    schema: z.object({
      requisitionId: z.uuid(),
      number: z.string(),
      requestedBy: z.uuid().nullable(),
      decision: z.enum(['approved', 'rejected']),
      decidedBy: z.uuid().nullable(),
      note: z.string().nullable(),
    }),
  },
  'purchase-order.created': {
    version: 1,
    description: 'A purchase order was drafted (by hand, from requisitions or by the reorder job).',
    schema: z.object({ purchaseOrder: PurchaseOrderSnapshot }),
  },
  'purchase-order.submitted': {
    version: 1,
    description:
      'A purchase order was submitted; `requiredApproval` says who must approve it (`none`: it was approved at once, and `purchase-order.approved` follows). `approverUserIds` are the members who may approve it (never its creator or submitter; at most 50), whom the notification rule tells.',
    schema: z.object({
      purchaseOrder: PurchaseOrderSnapshot,
      approverUserIds: z.array(z.uuid()).max(50),
    }),
  },
  'purchase-order.approved': {
    version: 1,
    description:
      'A purchase order was approved: by `approvedBy`, or at submit (`approvedBy` null) when it needed no approval.',
    schema: z.object({ purchaseOrder: PurchaseOrderSnapshot, approvedBy: z.uuid().nullable() }),
  },
  'purchase-order.rejected': {
    version: 1,
    description: 'An approver sent a submitted purchase order back to draft.',
    schema: z.object({
      purchaseOrder: PurchaseOrderSnapshot,
      rejectedBy: z.uuid().nullable(),
      reason: z.string(),
    }),
  },
  'purchase-order.sent': {
    version: 1,
    description: 'A purchase order was sent to its supplier.',
    schema: z.object({ purchaseOrder: PurchaseOrderSnapshot }),
  },
  'purchase-order.received': {
    version: 1,
    description:
      'Goods were received against a purchase order (partly or in full: its `status` says which); the order’s creator and `requesterIds` (who asked for the received lines through requisitions) are notified.',
    schema: z.object({
      purchaseOrder: PurchaseOrderSnapshot,
      receiptId: z.uuid(),
      receiptNumber: z.string(),
      receivedBy: z.uuid().nullable(),
      lines: z
        .array(z.object({ purchaseOrderLineId: z.uuid(), itemId: z.uuid(), quantity: z.string() }))
        .min(1)
        .max(500),
      requesterIds: z.array(z.uuid()).max(500),
    }),
  },
  'purchase-order.closed': {
    version: 1,
    description: 'A purchase order was closed (nothing more will be received or invoiced).',
    schema: z.object({ purchaseOrder: PurchaseOrderSnapshot }),
  },
  'purchase-order.cancelled': {
    version: 1,
    description: 'A purchase order was cancelled before anything was received.',
    schema: z.object({ purchaseOrder: PurchaseOrderSnapshot }),
  },
  'purchase-order.invoice_matched': {
    version: 1,
    description:
      'A supplier invoice was recorded against a purchase order and three-way matched (ordered, received, invoiced).',
    schema: z.object({
      purchaseOrder: PurchaseOrderSnapshot,
      invoiceId: z.uuid(),
      matchStatus: z.enum(['matched', 'quantity_mismatch', 'price_mismatch', 'mismatch']),
    }),
  },
});
