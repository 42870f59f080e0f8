/**
 * The shapes Invantray's stock screens read, as the capabilities' schemas
 * declare them (functions/invantray/{items,warehouses,stock,counts,valuation}/schemas.ts).
 * Quantities, costs and values are decimal strings: the screens show them as
 * they come and never do arithmetic on them in floating point.
 */
export type Page<T> = { items: T[]; nextCursor: string | null };
export type Tracking = 'none' | 'lot' | 'serial';

export interface StockTotals {
  onHand: string;
  reserved: string;
  available: string;
}

export interface Item {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  categoryId: string | null;
  unit: string;
  tracking: Tracking;
  averageCost: string;
  defaultSupplierId: string | null;
  images: string[];
  active: boolean;
  stock?: StockTotals;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ItemDetail extends Item {
  units: { unit: string; factor: string }[];
  barcodes: { code: string; unit: string | null }[];
  category: { id: string; name: string; path: string[] } | null;
}

export interface Category {
  id: string;
  parentId: string | null;
  name: string;
  path: string[];
  itemCount?: number;
  version: number;
}

export interface ReorderSetting {
  itemId: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  reorderPoint: string;
  reorderQuantity: string;
  version: number;
}

export interface ReorderSuggestion {
  reorderPoint: string;
  safetyStock?: string;
  dailyDemand?: string;
  leadTimeDays?: number;
  configuredReorderPoint?: string | null;
  [key: string]: unknown;
}

export interface SupplierPrice {
  id: string;
  supplierId: string;
  supplierName?: string;
  supplierCode?: string;
  minQuantity?: string;
  unitPrice: string;
  currency: string;
  unit?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface Warehouse {
  id: string;
  code: string;
  name: string;
  address: Record<string, string | null> | null;
  receivingLocationId: string | null;
  shippingLocationId: string | null;
  active: boolean;
  version: number;
}

export type LocationKind = 'zone' | 'aisle' | 'rack' | 'shelf' | 'bin' | 'receiving' | 'shipping' | 'other';

export interface StockLocation {
  id: string;
  warehouseId: string;
  parentId: string | null;
  code: string;
  name: string | null;
  kind: LocationKind;
  barcode: string;
  active: boolean;
  depth?: number;
  path?: string[];
  onHandLines?: number;
  version: number;
}

export interface MoveRecord {
  id: string;
  batchId: string;
  kind: 'receipt' | 'issue' | 'transfer' | 'adjustment' | 'count';
  itemId: string;
  sku: string;
  itemName: string;
  unit: string;
  lotNumber: string | null;
  quantity: string;
  fromStockLocationId: string | null;
  fromLocationCode: string | null;
  toStockLocationId: string | null;
  toLocationCode: string | null;
  unitCost: string;
  reference: { type: string; id: string } | null;
  note: string | null;
  postedAt: string;
}

export interface StockRow {
  itemId: string;
  sku: string;
  itemName: string;
  unit: string;
  warehouseId: string;
  warehouseCode: string;
  stockLocationId: string;
  locationCode: string;
  lotId: string | null;
  lotNumber: string | null;
  onHand: string;
  reserved: string | null;
  available: string | null;
}

export type CountStatus = 'open' | 'pending_approval' | 'posted' | 'cancelled';

export interface CountLine {
  id: string;
  itemId: string;
  sku: string;
  itemName: string;
  unit: string;
  stockLocationId: string;
  locationCode: string;
  lotNumber: string | null;
  counted: string | null;
  expected?: string;
  variance?: string;
  varianceValue?: string;
}

export interface CountSummary {
  id: string;
  number: string;
  status: CountStatus;
  stockLocationId: string;
  warehouseId: string;
  locationCode: string;
  lineCount: number;
  countedLineCount: number;
  blind: boolean;
  varianceValue?: string;
  createdBy: string | null;
  submittedBy: string | null;
  decisionNote: string | null;
  version: number;
  createdAt: string;
}

export interface Count extends CountSummary {
  lines: CountLine[];
}

/** What the pickers and the scan hand around: enough of an item to move it. */
export type ItemRef = Pick<Item, 'id' | 'sku' | 'name' | 'unit'> & { tracking?: Tracking };
