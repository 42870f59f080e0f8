import * as z from 'zod';

/**
 * Records as Invantray's events carry them: identity and the figures other
 * products, notifications and webhooks route on. Decimals are strings.
 */
export const MOVE_KINDS = ['receipt', 'issue', 'transfer', 'adjustment', 'count'] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

export const MOVE_REFERENCE_TYPES = [
  'purchase_order_line',
  'receipt',
  'task',
  'asset',
  'count',
  'reservation',
  'manual',
] as const;
export type MoveReferenceType = (typeof MOVE_REFERENCE_TYPES)[number];

export const MoveReference = z.object({
  type: z.enum(MOVE_REFERENCE_TYPES),
  id: z.string().max(100),
});
export type MoveReference = z.infer<typeof MoveReference>;

export const MoveSnapshot = z.object({
  id: z.uuid(),
  kind: z.enum(MOVE_KINDS),
  itemId: z.uuid(),
  sku: z.string(),
  lotId: z.uuid().nullable(),
  quantity: z.string(),
  unit: z.string(),
  fromLocationId: z.uuid().nullable(),
  toLocationId: z.uuid().nullable(),
  fromWarehouseId: z.uuid().nullable(),
  toWarehouseId: z.uuid().nullable(),
  unitCost: z.string(),
  reference: MoveReference.nullable(),
  note: z.string().nullable(),
  postedAt: z.iso.datetime({ offset: true }),
});
export type MoveSnapshot = z.infer<typeof MoveSnapshot>;

export const PURCHASE_ORDER_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'sent',
  'partially_received',
  'received',
  'closed',
  'cancelled',
] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

export const PurchaseOrderSnapshot = z.object({
  id: z.uuid(),
  number: z.string(),
  supplierId: z.uuid(),
  warehouseId: z.uuid(),
  status: z.enum(PURCHASE_ORDER_STATUSES),
  currency: z.string(),
  total: z.string(),
  requiredApproval: z.enum(['none', 'approve_permission', 'owner']).nullable(),
  source: z.enum(['manual', 'requisition', 'reorder']),
  createdBy: z.uuid().nullable(),
});
export type PurchaseOrderSnapshot = z.infer<typeof PurchaseOrderSnapshot>;
