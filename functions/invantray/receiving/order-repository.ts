import type { Tx } from '@halooid/shared/db/transaction';
import type { PurchaseOrderStatus } from '../domain/snapshots';
import type { OrderLineFacts } from './receipt-plan';

/**
 * SQL on purchase order lines as receiving and invoicing see them (the
 * order's own row is read and locked in domain/purchase-orders.ts); every
 * statement filters by tenant_id (RLS is the backstop).
 */

/** Whether the order exists in the tenant (list routes answer 404 for one that does not). */
export async function orderExists(tx: Tx, tenantId: string, orderId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'select 1 from invantray.purchase_orders where tenant_id = $1 and id = $2',
    [tenantId, orderId],
  );
  return rowCount === 1;
}

export interface ReceivableLine extends OrderLineFacts {
  /** The line's price in the base currency per base unit: unit price × exchange rate, to 6 places. */
  unitCost: string;
}

export async function selectOrderLines(
  tx: Tx,
  tenantId: string,
  orderId: string,
): Promise<Map<string, ReceivableLine>> {
  const { rows } = await tx.query<{
    id: string;
    line_no: number;
    item_id: string;
    sku: string;
    tracking: OrderLineFacts['tracking'];
    unit_cost: string;
  }>(
    `select l.id, l.line_no, l.item_id, i.sku, i.tracking,
            round(l.unit_price * o.exchange_rate, 6)::text as unit_cost
     from invantray.purchase_order_lines l
     join invantray.purchase_orders o on o.tenant_id = l.tenant_id and o.id = l.purchase_order_id
     join invantray.items i on i.tenant_id = l.tenant_id and i.id = l.item_id
     where l.tenant_id = $1 and l.purchase_order_id = $2
     order by l.line_no`,
    [tenantId, orderId],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        lineNo: row.line_no,
        itemId: row.item_id,
        sku: row.sku,
        tracking: row.tracking,
        unitCost: row.unit_cost,
      },
    ]),
  );
}

export interface Asked {
  purchaseOrderLineId: string;
  /** In base units. */
  quantity: string;
}

export interface OverReceipt {
  purchaseOrderLineId: string;
  lineNo: number;
  sku: string;
  /** The most that line may still take. */
  maximum: string;
}

/**
 * Lines this receipt would take beyond ordered × (100 + tolerance) / 100,
 * with the most each may still take (what one receipt asks of a line is added
 * up first: two lots of one line count together). In numeric, to the
 * ledger's 4 places.
 */
export async function overReceipts(
  tx: Tx,
  tenantId: string,
  orderId: string,
  asked: readonly Asked[],
  tolerancePercent: string,
): Promise<OverReceipt[]> {
  const { rows } = await tx.query<{ id: string; line_no: number; sku: string; maximum: string }>(
    `with asked as (
       select x.line_id, sum(x.quantity) as quantity
       from jsonb_to_recordset($3::jsonb) as x(line_id uuid, quantity numeric)
       group by x.line_id
     ), limits as (
       select l.id, l.line_no, l.item_id, l.received_quantity, a.quantity as asked,
              trunc(l.quantity * (100 + $4::numeric) / 100, 4) as most
       from asked a
       join invantray.purchase_order_lines l
         on l.tenant_id = $1 and l.purchase_order_id = $2 and l.id = a.line_id
     )
     select limits.id, limits.line_no, i.sku, greatest(limits.most - limits.received_quantity, 0)::text as maximum
     from limits
     join invantray.items i on i.tenant_id = $1 and i.id = limits.item_id
     where limits.received_quantity + limits.asked > limits.most
     order by limits.line_no`,
    [tenantId, orderId, JSON.stringify(askedRows(asked)), tolerancePercent],
  );
  return rows.map((row) => ({
    purchaseOrderLineId: row.id,
    lineNo: row.line_no,
    sku: row.sku,
    maximum: row.maximum,
  }));
}

/**
 * Adds the receipt to its lines' received quantities and moves the order on:
 * `received` (with its date) once every line has all it ordered, else
 * `partially_received`. Returns the new status.
 */
export async function recordReceived(
  tx: Tx,
  tenantId: string,
  orderId: string,
  asked: readonly Asked[],
): Promise<PurchaseOrderStatus> {
  await tx.query(
    `with asked as (
       select x.line_id, sum(x.quantity) as quantity
       from jsonb_to_recordset($3::jsonb) as x(line_id uuid, quantity numeric)
       group by x.line_id
     )
     update invantray.purchase_order_lines l
     set received_quantity = l.received_quantity + asked.quantity
     from asked
     where l.tenant_id = $1 and l.purchase_order_id = $2 and l.id = asked.line_id`,
    [tenantId, orderId, JSON.stringify(askedRows(asked))],
  );
  const { rows } = await tx.query<{ status: PurchaseOrderStatus }>(
    `with complete as (
       select not exists (
         select 1 from invantray.purchase_order_lines
         where tenant_id = $1 and purchase_order_id = $2 and received_quantity < quantity
       ) as done
     )
     update invantray.purchase_orders o
     set status = case when complete.done then 'received' else 'partially_received' end,
         received_at = case when complete.done then now() else o.received_at end,
         version = o.version + 1,
         updated_at = now()
     from complete
     where o.tenant_id = $1 and o.id = $2
     returning o.status`,
    [tenantId, orderId],
  );
  return rows[0]?.status ?? 'partially_received';
}

const askedRows = (asked: readonly Asked[]) =>
  asked.map((line) => ({ line_id: line.purchaseOrderLineId, quantity: line.quantity }));

export interface Location {
  id: string;
  warehouseId: string;
}

export async function selectLocations(
  tx: Tx,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, Location>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; warehouse_id: string }>(
    'select id, warehouse_id from invantray.locations where tenant_id = $1 and id = any($2::uuid[])',
    [tenantId, [...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, { id: row.id, warehouseId: row.warehouse_id }]));
}

/**
 * Who asked for what these order lines bought: the requesters of the
 * requisitions their lines came from, linked either way round (the
 * requisition line names the order line, or the order line the requisition
 * line).
 */
export async function requestersOf(
  tx: Tx,
  tenantId: string,
  orderLineIds: readonly string[],
): Promise<string[]> {
  const { rows } = await tx.query<{ requested_by: string }>(
    `select distinct r.requested_by
     from invantray.purchase_order_lines l
     join invantray.requisition_lines rl
       on rl.tenant_id = l.tenant_id and (rl.purchase_order_line_id = l.id or rl.id = l.requisition_line_id)
     join invantray.requisitions r on r.tenant_id = rl.tenant_id and r.id = rl.requisition_id
     where l.tenant_id = $1 and l.id = any($2::uuid[]) and r.requested_by is not null
     order by r.requested_by`,
    [tenantId, [...new Set(orderLineIds)]],
  );
  return rows.map((row) => row.requested_by);
}
