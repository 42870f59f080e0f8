import type { JsonOf, paths } from '$lib/api';

/**
 * The shapes Invantray's purchasing screens read, taken from the generated API
 * types (the capabilities' zod schemas → OpenAPI → schema.d.ts), so a changed
 * contract fails `npm run check` instead of a screen. Money and quantities are
 * decimal strings, shown as they come; quantities are in the item's base unit.
 */
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: infer R } | { 201: infer R };
}
  ? JsonOf<R>
  : never;

export type Supplier = Ok<'/v1/invantray/suppliers/{supplierId}', 'get'>;
export type Contact = Supplier['contacts'][number];
export type SupplierPriceRow = Ok<'/v1/invantray/suppliers/{supplierId}/prices', 'get'>['items'][number];
export type Quote = Ok<'/v1/invantray/suppliers/{supplierId}/quote', 'get'>;

export type Order = Ok<'/v1/invantray/purchase-orders/{purchaseOrderId}', 'get'>;
export type OrderSummary = Ok<'/v1/invantray/purchase-orders', 'get'>['items'][number];
export type OrderLine = Order['lines'][number];
export type OrderStatus = Order['status'];
export type OrderAction = Order['allowedActions'][number];
export type MatchStatus = Order['matchStatus'];

export type Receipt = Ok<'/v1/invantray/receipts/{receiptId}', 'get'>;
export type Invoice = Ok<'/v1/invantray/purchase-orders/{purchaseOrderId}/invoices', 'get'>['items'][number];

export type Requisition = Ok<'/v1/invantray/requisitions/{requisitionId}', 'get'>;
export type RequisitionSummary = Ok<'/v1/invantray/requisitions', 'get'>['items'][number];
export type RequisitionStatus = Requisition['status'];
export type RequisitionAction = Requisition['actions'][number];
export type OrderRequisitionResult = Ok<'/v1/invantray/requisitions/{requisitionId}/order', 'post'>;

export type BelowItem = Ok<'/v1/invantray/reorder/below', 'get'>['items'][number];
export type ReorderRunResult = Ok<'/v1/invantray/reorder/run', 'post'>;

export type InventorySettings = Ok<'/v1/invantray/settings', 'get'>;
export type Approver = InventorySettings['approvalLevels'][number]['approver'];
