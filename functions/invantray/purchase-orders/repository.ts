import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import type { RequiredApproval } from '../domain/approval';
import type { PurchaseOrderStatus } from '../domain/snapshots';
import type { ListPurchaseOrdersQuery, PurchaseOrderLine, PurchaseOrderSummary } from './schemas';

/** An order's header as the use cases read it (numerics as text, instants as Dates). */
export interface OrderRow {
  id: string;
  number: string;
  status: PurchaseOrderStatus;
  source: 'manual' | 'requisition' | 'reorder';
  supplier_id: string;
  supplier_code: string;
  supplier_name: string;
  warehouse_id: string;
  warehouse_code: string;
  warehouse_name: string;
  currency: string;
  exchange_rate: string;
  total: string;
  total_in_base: string;
  required_approval: RequiredApproval | null;
  expected_on: string | null;
  note: string | null;
  match_status: 'pending' | 'matched' | 'quantity_mismatch' | 'price_mismatch' | 'mismatch';
  line_count: number;
  nothing_received: boolean;
  created_by: string | null;
  submitted_by: string | null;
  submitted_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  sent_at: Date | null;
  received_at: Date | null;
  closed_at: Date | null;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** The header query up to its WHERE; `sortValues` are a list's cursor columns. */
const orderSelect = (sortValues?: string) => `
  select ${sortValues ? `${sortValues}, ` : ''}o.id, o.number, o.status, o.source, o.supplier_id, s.code as supplier_code, s.name as supplier_name,
         o.warehouse_id, w.code as warehouse_code, w.name as warehouse_name, o.currency, o.exchange_rate::text,
         o.total::text, round(o.total * o.exchange_rate, 2)::text as total_in_base, o.required_approval,
         to_char(o.expected_on, 'YYYY-MM-DD') as expected_on, o.note, o.match_status,
         (select count(*)::int from invantray.purchase_order_lines l
           where l.tenant_id = o.tenant_id and l.purchase_order_id = o.id) as line_count,
         not exists (select 1 from invantray.purchase_order_lines l
                      where l.tenant_id = o.tenant_id and l.purchase_order_id = o.id
                        and l.received_quantity > 0) as nothing_received,
         o.created_by, o.submitted_by, o.submitted_at, o.approved_by, o.approved_at, o.sent_at, o.received_at,
         o.closed_at, o.cancelled_at, o.created_at, o.updated_at, o.version
  from invantray.purchase_orders o
  join invantray.suppliers s on s.tenant_id = o.tenant_id and s.id = o.supplier_id
  join invantray.warehouses w on w.tenant_id = o.tenant_id and w.id = o.warehouse_id`;

/**
 * One order of the tenant, or undefined. `forUpdate` locks the order's row
 * (not the supplier's or warehouse's) so a status change or edit is decided
 * on what no one else is changing.
 */
export async function selectOrder(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<OrderRow | undefined> {
  const { rows } = await tx.query<OrderRow>(
    `${orderSelect()} where o.tenant_id = $1 and o.id = $2${options.forUpdate ? ' for update of o' : ''}`,
    [tenantId, id],
  );
  return rows[0];
}

interface LineRow {
  id: string;
  line_no: number;
  item_id: string;
  sku: string;
  name: string;
  unit: string;
  quantity: string;
  unit_price: string;
  received_quantity: string;
  line_total: string;
  note: string | null;
  requisition_line_id: string | null;
  reorder_warehouse_id: string | null;
}

/** The order's lines in line order, with their item's sku, name and base unit. */
export async function selectLines(tx: Tx, tenantId: string, orderId: string): Promise<PurchaseOrderLine[]> {
  const { rows } = await tx.query<LineRow>(
    `select l.id, l.line_no, l.item_id, i.sku, i.name, i.unit, l.quantity::text, l.unit_price::text,
            l.received_quantity::text, round(l.quantity * l.unit_price, 2)::text as line_total, l.note,
            l.requisition_line_id, l.reorder_warehouse_id
     from invantray.purchase_order_lines l
     join invantray.items i on i.tenant_id = l.tenant_id and i.id = l.item_id
     where l.tenant_id = $1 and l.purchase_order_id = $2
     order by l.line_no`,
    [tenantId, orderId],
  );
  return rows.map((row) => ({
    id: row.id,
    lineNo: row.line_no,
    itemId: row.item_id,
    sku: row.sku,
    name: row.name,
    unit: row.unit,
    quantity: trimDecimal(row.quantity),
    unitPrice: trimDecimal(row.unit_price, 2),
    receivedQuantity: trimDecimal(row.received_quantity),
    lineTotal: trimDecimal(row.line_total, 2),
    note: row.note,
    requisitionLineId: row.requisition_line_id,
    reorderWarehouseId: row.reorder_warehouse_id,
  }));
}

export function summaryOf(row: OrderRow): PurchaseOrderSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    source: row.source,
    supplier: { id: row.supplier_id, code: row.supplier_code, name: row.supplier_name },
    warehouse: { id: row.warehouse_id, code: row.warehouse_code, name: row.warehouse_name },
    currency: row.currency,
    total: trimDecimal(row.total, 2),
    requiredApproval: row.required_approval,
    expectedOn: row.expected_on,
    lineCount: row.line_count,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

const SORTS: Record<string, SortColumn> = {
  createdAt: { sql: 'o.created_at', type: 'timestamptz' },
  updatedAt: { sql: 'o.updated_at', type: 'timestamptz' },
  number: { sql: 'o.number', type: 'text' },
  expectedOn: { sql: "coalesce(o.expected_on, 'infinity'::date)", type: 'date' },
};

/** One page of the tenant's orders, filtered and sorted (default newest first). */
export function selectOrders(
  tx: Tx,
  tenantId: string,
  query: ListPurchaseOrdersQuery,
): Promise<{ items: PurchaseOrderSummary[]; nextCursor: string | null }> {
  const terms = parseSort(query.sort, SORTS, '-createdAt', { sql: 'o.id', type: 'uuid' });
  const filter = filterOf([tenantId], ['o.tenant_id = $1']);
  if (query.status) filter.where.push(`o.status = any(${filter.bind(query.status.split(','))}::text[])`);
  if (query.supplierId) filter.where.push(`o.supplier_id = ${filter.bind(query.supplierId)}`);
  if (query.warehouseId) filter.where.push(`o.warehouse_id = ${filter.bind(query.warehouseId)}`);
  if (query.source) filter.where.push(`o.source = ${filter.bind(query.source)}`);
  if (query.q) {
    const escaped = query.q.replace(/[\\%_]/g, (char) => `\\${char}`);
    filter.where.push(`o.number ilike ${filter.bind(`%${escaped}%`)}`);
  }
  return selectPage<OrderRow & Record<string, unknown>, PurchaseOrderSummary>(tx, filter, {
    select: orderSelect,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: summaryOf,
  });
}
