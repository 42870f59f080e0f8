import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import { NotFoundError } from '@halooid/shared/errors';
import { nextNumber } from './numbering';
import type { PurchaseOrderSnapshot } from './snapshots';

/**
 * Purchase orders as every slice writes them: drafted by hand
 * (purchase-orders/), from requisitions (requisitions/) or by the reorder job
 * (reordering/). Lines are in the item's base unit at a unit price in the
 * order's currency; the total is recomputed in numeric whenever lines change.
 * Status changes and approval live in the purchase-orders capability.
 */
export interface DraftLine {
  itemId: string;
  quantity: string;
  unitPrice: string;
  requisitionLineId?: string | null;
  reorderWarehouseId?: string | null;
  note?: string | null;
}

export interface DraftOrder {
  supplierId: string;
  warehouseId: string;
  currency: string;
  exchangeRate?: string;
  source: 'manual' | 'requisition' | 'reorder';
  expectedOn?: string | null;
  note?: string | null;
  lines: readonly DraftLine[];
}

export interface DraftDeps {
  tx: Tx;
  tenantId: string;
  userId: string | null;
  newId: () => string;
}

/** Inserts a draft order with its number and lines; returns its id. It starts at version 1 (0 + the total's bump). */
export async function createDraftOrder(deps: DraftDeps, order: DraftOrder): Promise<string> {
  const { tx, tenantId } = deps;
  const id = deps.newId();
  const number = await nextNumber(tx, tenantId, 'purchase_order');
  await tx.query(
    `insert into invantray.purchase_orders
       (tenant_id, id, number, supplier_id, warehouse_id, currency, exchange_rate, source, expected_on, note, created_by,
        version)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0)`,
    [
      tenantId,
      id,
      number,
      order.supplierId,
      order.warehouseId,
      order.currency,
      order.exchangeRate ?? '1',
      order.source,
      order.expectedOn ?? null,
      order.note ?? null,
      deps.userId,
    ],
  );
  await appendLines(deps, id, order.lines);
  return id;
}

/** Appends lines after the order's last line number and recomputes its total. */
export async function appendLines(
  deps: DraftDeps,
  orderId: string,
  lines: readonly DraftLine[],
): Promise<void> {
  if (lines.length > 0) {
    await deps.tx.query(
      `insert into invantray.purchase_order_lines
         (tenant_id, id, purchase_order_id, line_no, item_id, quantity, unit_price, requisition_line_id,
          reorder_warehouse_id, note)
       select $1, x.id, $2,
              coalesce((select max(line_no) from invantray.purchase_order_lines
                        where tenant_id = $1 and purchase_order_id = $2), 0) + x.ordinality,
              x.item_id, x.quantity, x.unit_price, x.requisition_line_id, x.reorder_warehouse_id, x.note
       -- ROWS FROM: Postgres refuses WITH ORDINALITY beside a bare column definition list.
       from rows from (jsonb_to_recordset($3::jsonb)
              as (id uuid, item_id uuid, quantity numeric, unit_price numeric, requisition_line_id uuid,
                  reorder_warehouse_id uuid, note text)) with ordinality
         as x(id, item_id, quantity, unit_price, requisition_line_id, reorder_warehouse_id, note, ordinality)`,
      [
        deps.tenantId,
        orderId,
        JSON.stringify(
          lines.map((line) => ({
            id: deps.newId(),
            item_id: line.itemId,
            quantity: line.quantity,
            unit_price: line.unitPrice,
            requisition_line_id: line.requisitionLineId ?? null,
            reorder_warehouse_id: line.reorderWarehouseId ?? null,
            note: line.note ?? null,
          })),
        ),
      ],
    );
  }
  await recomputeTotal(deps.tx, deps.tenantId, orderId);
}

/** total = Σ round(quantity × unit price, 2), in numeric; bumps the version. */
export async function recomputeTotal(tx: Tx, tenantId: string, orderId: string): Promise<void> {
  await tx.query(
    `update invantray.purchase_orders o
     set total = coalesce((select sum(round(l.quantity * l.unit_price, 2)) from invantray.purchase_order_lines l
                           where l.tenant_id = o.tenant_id and l.purchase_order_id = o.id), 0),
         version = version + 1, updated_at = now()
     where o.tenant_id = $1 and o.id = $2`,
    [tenantId, orderId],
  );
}

interface HeadRow {
  id: string;
  number: string;
  supplier_id: string;
  warehouse_id: string;
  status: PurchaseOrderSnapshot['status'];
  currency: string;
  total: string;
  required_approval: PurchaseOrderSnapshot['requiredApproval'];
  source: PurchaseOrderSnapshot['source'];
  created_by: string | null;
  receiving_location_id: string | null;
}

/** The order as events carry it, and where its warehouse receives goods. */
export interface PurchaseOrderHead extends PurchaseOrderSnapshot {
  receivingLocationId: string | null;
}

/**
 * The one read of an order's own row; 404 when it does not exist in the
 * tenant. `lock` takes the order row (`for update of o`, not the warehouse's)
 * to the end of the transaction: receipts and invoices of one order queue on
 * it, so the second sees what the first did.
 */
async function selectHead(
  tx: Tx,
  tenantId: string,
  orderId: string,
  options: { lock: boolean },
): Promise<PurchaseOrderHead> {
  const { rows } = await tx.query<HeadRow>(
    `select o.id, o.number, o.supplier_id, o.warehouse_id, o.status, o.currency, o.total::text,
            o.required_approval, o.source, o.created_by, w.receiving_location_id
     from invantray.purchase_orders o
     join invantray.warehouses w on w.tenant_id = o.tenant_id and w.id = o.warehouse_id
     where o.tenant_id = $1 and o.id = $2${options.lock ? ' for update of o' : ''}`,
    [tenantId, orderId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundError('Purchase order');
  return {
    id: row.id,
    number: row.number,
    supplierId: row.supplier_id,
    warehouseId: row.warehouse_id,
    status: row.status,
    currency: row.currency,
    total: trimDecimal(row.total, 2),
    requiredApproval: row.required_approval,
    source: row.source,
    createdBy: row.created_by,
    receivingLocationId: row.receiving_location_id,
  };
}

/** The order as events carry it; 404 when it does not exist in the tenant. */
export async function purchaseOrderSnapshot(
  tx: Tx,
  tenantId: string,
  orderId: string,
): Promise<PurchaseOrderSnapshot> {
  const { receivingLocationId: _, ...snapshot } = await selectHead(tx, tenantId, orderId, { lock: false });
  return snapshot;
}

/** The order, locked to the end of the transaction (see selectHead); 404 when it is not the tenant's. */
export function lockPurchaseOrder(tx: Tx, tenantId: string, orderId: string): Promise<PurchaseOrderHead> {
  return selectHead(tx, tenantId, orderId, { lock: true });
}
