import type { Tx } from '@halooid/shared/db/transaction';

/** SQL of the reorder check; every statement filters by tenant_id (RLS is the backstop). */

/** The statuses whose open quantities count as "on order". */
export const ON_ORDER_STATUSES = ['draft', 'submitted', 'approved', 'sent', 'partially_received'] as const;

export interface ItemWarehouse {
  itemId: string;
  warehouseId: string;
}

export interface PositionRow {
  item_id: string;
  warehouse_id: string;
  sku: string;
  reorder_point: string;
  reorder_quantity: string;
  below_alerted_at: Date | null;
  available: string;
  on_order: string;
  below: boolean;
  /** What to order: the reorder quantity, or the gap to the point when that is larger. */
  order_quantity: string;
  supplier_id: string | null;
  supplier_currency: string | null;
  average_cost: string;
}

/**
 * Locks the reorder settings of the pairs (every pair of the tenant when
 * `pairs` is undefined) in one statement, in (item, warehouse) order, so
 * concurrent checks queue on the rows they share instead of deadlocking;
 * the lock is what makes the check idempotent under races: the second
 * checker reads the position only after the first one's draft line is
 * committed, and finds no shortfall left. Inactive items are skipped.
 */
export async function lockSettings(
  tx: Tx,
  tenantId: string,
  pairs?: readonly ItemWarehouse[],
): Promise<number> {
  const { rowCount } = await tx.query(
    `select 1 from invantray.reorder_settings rs
     join invantray.items i on i.tenant_id = rs.tenant_id and i.id = rs.item_id and i.active
     where rs.tenant_id = $1
       and ($2::uuid[] is null
            or (rs.item_id, rs.warehouse_id) in (select * from unnest($2::uuid[], $3::uuid[])))
     order by rs.item_id, rs.warehouse_id
     for update of rs`,
    [
      tenantId,
      pairs ? pairs.map((pair) => pair.itemId) : null,
      pairs ? pairs.map((pair) => pair.warehouseId) : null,
    ],
  );
  return rowCount ?? 0;
}

/**
 * Each locked pair's position: available (Σ on hand − reserved in the
 * warehouse) and on order (Σ quantity − received of open PO lines of the item
 * on orders for that warehouse), whether their sum is below the point, and
 * how much to order: at least the reorder quantity, and never less than the
 * gap to the point, so the position after ordering is at or above it and the
 * same shortfall cannot trigger again.
 */
export async function selectPositions(
  tx: Tx,
  tenantId: string,
  pairs?: readonly ItemWarehouse[],
): Promise<PositionRow[]> {
  const { rows } = await tx.query<PositionRow>(
    `with position as (
       select rs.item_id, rs.warehouse_id, i.sku, rs.reorder_point, rs.reorder_quantity, rs.below_alerted_at,
              i.average_cost, s.id as supplier_id, s.currency as supplier_currency,
              coalesce((select sum(b.on_hand - b.reserved) from invantray.stock_balances b
                        where b.tenant_id = rs.tenant_id and b.item_id = rs.item_id
                          and b.warehouse_id = rs.warehouse_id), 0) as available,
              coalesce((select sum(greatest(l.quantity - l.received_quantity, 0))
                        from invantray.purchase_order_lines l
                        join invantray.purchase_orders o on o.tenant_id = l.tenant_id and o.id = l.purchase_order_id
                        where l.tenant_id = rs.tenant_id and l.item_id = rs.item_id
                          and o.warehouse_id = rs.warehouse_id and o.status = any($4::text[])), 0) as on_order
       from invantray.reorder_settings rs
       join invantray.items i on i.tenant_id = rs.tenant_id and i.id = rs.item_id and i.active
       left join invantray.suppliers s
         on s.tenant_id = i.tenant_id and s.id = i.default_supplier_id and s.active
       where rs.tenant_id = $1
         and ($2::uuid[] is null
              or (rs.item_id, rs.warehouse_id) in (select * from unnest($2::uuid[], $3::uuid[])))
     )
     select item_id, warehouse_id, sku, reorder_point::text, reorder_quantity::text, below_alerted_at,
            available::text, on_order::text, (available + on_order < reorder_point) as below,
            greatest(reorder_quantity, reorder_point - (available + on_order))::text as order_quantity,
            supplier_id, supplier_currency, average_cost::text
     from position
     order by item_id, warehouse_id`,
    [
      tenantId,
      pairs ? pairs.map((pair) => pair.itemId) : null,
      pairs ? pairs.map((pair) => pair.warehouseId) : null,
      ON_ORDER_STATUSES,
    ],
  );
  return rows;
}

/**
 * Per-(supplier, warehouse) locks for the drafts about to be touched, all in
 * one statement in a fixed order before any order is written: two checks
 * for different items of one supplier then append to one draft instead of
 * each making its own, and never wait for each other in a cycle.
 */
export async function lockDraftSlots(
  tx: Tx,
  tenantId: string,
  slots: readonly { supplierId: string; warehouseId: string }[],
): Promise<void> {
  const keys = [
    ...new Set(slots.map((slot) => `${tenantId}:reorder-draft:${slot.supplierId}:${slot.warehouseId}`)),
  ].sort();
  if (keys.length === 0) return;
  await tx.query(
    'select pg_advisory_xact_lock(hashtextextended(key, 0)) from unnest($1::text[]) as key order by key',
    [keys],
  );
}

/** The open reorder draft of a supplier for a warehouse, locked; undefined when there is none. */
export async function openReorderDraft(
  tx: Tx,
  tenantId: string,
  supplierId: string,
  warehouseId: string,
): Promise<{ id: string; number: string; currency: string } | undefined> {
  const { rows } = await tx.query<{ id: string; number: string; currency: string }>(
    `select id, number, currency from invantray.purchase_orders
     where tenant_id = $1 and supplier_id = $2 and warehouse_id = $3 and source = 'reorder' and status = 'draft'
     order by created_at, id limit 1
     for update`,
    [tenantId, supplierId, warehouseId],
  );
  return rows[0];
}

/** Adds to the draft's line for the item and warehouse when it has one; false when it has none. */
export async function topUpLine(
  tx: Tx,
  tenantId: string,
  orderId: string,
  line: { itemId: string; warehouseId: string; quantity: string },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update invantray.purchase_order_lines set quantity = quantity + $5::numeric
     where id = (select id from invantray.purchase_order_lines
                 where tenant_id = $1 and purchase_order_id = $2 and item_id = $3 and reorder_warehouse_id = $4
                 order by line_no limit 1)
       and tenant_id = $1`,
    [tenantId, orderId, line.itemId, line.warehouseId, line.quantity],
  );
  return (rowCount ?? 0) > 0;
}

/** Marks (or clears) that a supplier-less shortfall was announced, so it is announced once per fall. */
export async function setAlerted(
  tx: Tx,
  tenantId: string,
  pairs: readonly ItemWarehouse[],
  alerted: boolean,
) {
  if (pairs.length === 0) return;
  await tx.query(
    `update invantray.reorder_settings set below_alerted_at = case when $4 then now() else null end
     where tenant_id = $1 and (item_id, warehouse_id) in (select * from unnest($2::uuid[], $3::uuid[]))`,
    [tenantId, pairs.map((pair) => pair.itemId), pairs.map((pair) => pair.warehouseId), alerted],
  );
}
