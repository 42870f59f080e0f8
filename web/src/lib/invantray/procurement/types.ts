/**
 * The shapes Invantray's purchasing screens read, as the capabilities' schemas
 * declare them (functions/invantray/{suppliers,requisitions,purchase-orders,
 * receiving,reordering,settings}/schemas.ts). Money and quantities are decimal
 * strings, shown as they come; quantities are in the item's base unit.
 */
export interface Address {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

export interface Contact {
  name: string;
  email?: string | null;
  phone?: string | null;
  role?: string | null;
}

export interface Supplier {
  id: string;
  code: string;
  name: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  address: Address | null;
  contacts: Contact[];
  currency: string;
  paymentTermsDays: number;
  leadTimeDays: number;
  notes: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SupplierPriceRow {
  id: string;
  supplierId: string;
  itemId: string;
  sku: string;
  itemName: string;
  unit: string;
  minQuantity: string;
  unitPrice: string;
  currency: string;
  supplierSku: string | null;
  effectiveFrom: string;
  createdAt: string;
}

export interface Quote {
  supplierId: string;
  itemId: string;
  quantity: string;
  on: string;
  price: {
    unitPrice: string;
    currency: string;
    minQuantity: string;
    supplierSku: string | null;
    effectiveFrom: string;
    lineTotal: string;
  } | null;
}

export type OrderStatus =
  | 'draft'
  | 'submitted'
  | 'approved'
  | 'sent'
  | 'partially_received'
  | 'received'
  | 'closed'
  | 'cancelled';

export type OrderAction = 'edit' | 'submit' | 'approve' | 'reject' | 'send' | 'receive' | 'close' | 'cancel';
export type MatchStatus = 'pending' | 'matched' | 'quantity_mismatch' | 'price_mismatch' | 'mismatch';

export interface Party {
  id: string;
  code: string;
  name: string;
}

export interface OrderSummary {
  id: string;
  number: string;
  status: OrderStatus;
  source: 'manual' | 'requisition' | 'reorder';
  supplier: Party;
  warehouse: Party;
  currency: string;
  total: string;
  requiredApproval: 'none' | 'approve_permission' | 'owner' | null;
  expectedOn: string | null;
  lineCount: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface OrderLine {
  id: string;
  lineNo: number;
  itemId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  receivedQuantity: string;
  lineTotal: string;
  note: string | null;
  requisitionLineId: string | null;
  reorderWarehouseId: string | null;
}

export interface Order extends OrderSummary {
  exchangeRate: string;
  baseCurrency: string;
  totalInBaseCurrency: string;
  note: string | null;
  matchStatus: MatchStatus;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  sentAt: string | null;
  receivedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  lines: OrderLine[];
  allowedActions: OrderAction[];
}

export interface ReceiptLine {
  id: string;
  purchaseOrderLineId: string;
  lineNo: number;
  item: { id: string; sku: string; name: string; unit: string };
  quantity: string;
  location: { id: string; code: string; name: string | null; warehouseId: string };
  lot: { id: string; kind: 'lot' | 'serial'; number: string; expiresOn: string | null } | null;
  unitCost: string;
  moveId: string;
}

export interface Receipt {
  id: string;
  number: string;
  purchaseOrder: { id: string; number: string; status: OrderStatus };
  note: string | null;
  receivedBy: string | null;
  receivedAt: string;
  lines: ReceiptLine[];
}

export interface InvoiceLine {
  purchaseOrderLineId: string;
  lineNo: number;
  itemId: string;
  sku: string;
  quantity: string;
  ordered: string;
  received: string;
  invoiced: string;
  orderedPrice: string;
  invoicedPrice: string;
  status: Exclude<MatchStatus, 'pending'>;
}

export interface Invoice {
  id: string;
  purchaseOrderId: string;
  invoiceNumber: string;
  invoiceDate: string;
  currency: string;
  total: string;
  matchStatus: Exclude<MatchStatus, 'pending'>;
  lines: InvoiceLine[];
  purchaseOrderMatchStatus: MatchStatus;
  recordedBy: string | null;
  createdAt: string;
}

export type RequisitionStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'ordered' | 'cancelled';
export type RequisitionAction = 'edit' | 'submit' | 'cancel' | 'approve' | 'reject' | 'order';

export interface RequisitionSummary {
  id: string;
  number: string;
  status: RequisitionStatus;
  requestedBy: string | null;
  neededBy: string | null;
  warehouseId: string | null;
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  lineCount?: number;
}

export interface RequisitionLine {
  id: string;
  lineNo: number;
  itemId: string;
  sku: string;
  itemName: string;
  unit: string;
  quantity: string;
  supplierId: string | null;
  supplierName: string | null;
  note: string | null;
  purchaseOrderLineId: string | null;
  purchaseOrderId: string | null;
}

export interface Requisition extends RequisitionSummary {
  lines: RequisitionLine[];
  purchaseOrders: { id: string; number: string; status: string; supplierId: string; currency: string; total: string }[];
  actions: RequisitionAction[];
}

export interface BelowItem {
  itemId: string;
  sku: string;
  itemName: string;
  unit: string;
  warehouseId: string;
  warehouseCode: string;
  available: string;
  onOrder: string;
  reorderPoint: string;
  reorderQuantity: string;
  covered: boolean;
  defaultSupplier: Party | null;
  purchaseOrder: { id: string; number: string; status: string } | null;
}

export interface ReorderRunResult {
  checked: number;
  shortfalls: {
    itemId: string;
    sku: string;
    warehouseId: string;
    orderedQuantity: string | null;
    purchaseOrderId: string | null;
    purchaseOrderNumber: string | null;
  }[];
  purchaseOrdersCreated: string[];
}

export type Approver = 'approve_permission' | 'owner';

export interface InventorySettings {
  baseCurrency: string;
  approvalLevels: { above: string; approver: Approver }[];
  countApprovalThreshold: string;
  overReceiptTolerancePercent: string;
  matchQuantityTolerancePercent: string;
  matchPriceTolerancePercent: string;
  version: number;
}
