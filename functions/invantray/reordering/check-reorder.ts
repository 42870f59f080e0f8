import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import type { EventRecorder } from '@halooid/shared/events/outbox';
import { priceFor } from '../domain/prices';
import {
  appendLines,
  createDraftOrder,
  type DraftLine,
  purchaseOrderSnapshot,
} from '../domain/purchase-orders';
import { loadSettings } from '../domain/settings';
import { invantrayEvents } from '../events';
import {
  type ItemWarehouse,
  lockDraftSlots,
  lockSettings,
  openReorderDraft,
  type PositionRow,
  selectPositions,
  setAlerted,
  topUpLine,
} from './reorder-repository';

export interface ReorderDeps {
  tx: Tx;
  tenantId: string;
  /** Who asked (POST /reorder/run); null for the job and the on-move trigger. */
  userId: string | null;
  newId: () => string;
  events: EventRecorder;
  /** The day prices are taken on (YYYY-MM-DD). */
  today: string;
}

export interface Shortfall {
  itemId: string;
  sku: string;
  warehouseId: string;
  available: string;
  onOrder: string;
  reorderPoint: string;
  orderedQuantity: string | null;
  purchaseOrderId: string | null;
  purchaseOrderNumber: string | null;
}

export interface ReorderOutcome {
  checked: number;
  shortfalls: Shortfall[];
  purchaseOrdersCreated: string[];
}

/**
 * The reorder check for some (item, warehouse) pairs, or every pair of the
 * tenant: each pair whose available plus on-order quantity is below its
 * reorder point gets a draft purchase order line for its item's default
 * supplier, grouped by supplier and warehouse (appended to the open reorder
 * draft when there is one, a new draft otherwise), and one
 * `stock.below_reorder_point`. An item without an (active) default supplier
 * gets the event alone, once per fall below its point. Idempotent under
 * races: see lockSettings.
 */
export async function checkReorder(
  deps: ReorderDeps,
  pairs?: readonly ItemWarehouse[],
): Promise<ReorderOutcome> {
  const { tx, tenantId } = deps;
  if (pairs && pairs.length === 0) return { checked: 0, shortfalls: [], purchaseOrdersCreated: [] };
  const checked = await lockSettings(tx, tenantId, pairs);
  const positions = await selectPositions(tx, tenantId, pairs);
  const below = positions.filter((position) => position.below);
  await setAlerted(
    tx,
    tenantId,
    positions.filter((position) => !position.below && position.below_alerted_at).map(pairOf),
    false,
  );
  const unsupplied = below.filter((position) => !position.supplier_id);
  const supplied = below.filter((position) => position.supplier_id);
  const shortfalls: Shortfall[] = [];
  for (const position of unsupplied.filter((candidate) => !candidate.below_alerted_at)) {
    await announce(deps, position, null);
    shortfalls.push(shortfallOf(position, null, null));
  }
  await setAlerted(
    tx,
    tenantId,
    unsupplied.filter((candidate) => !candidate.below_alerted_at).map(pairOf),
    true,
  );
  const created = await orderShortfalls(deps, supplied, shortfalls);
  return { checked, shortfalls, purchaseOrdersCreated: created };
}

const pairOf = (position: PositionRow): ItemWarehouse => ({
  itemId: position.item_id,
  warehouseId: position.warehouse_id,
});

/** Draft lines for the shortfalls, one draft per supplier and warehouse; answers the ids of new drafts. */
async function orderShortfalls(
  deps: ReorderDeps,
  supplied: readonly PositionRow[],
  shortfalls: Shortfall[],
): Promise<string[]> {
  const { tx, tenantId } = deps;
  if (supplied.length === 0) return [];
  const groups = new Map<string, PositionRow[]>();
  for (const position of supplied) {
    const key = `${position.supplier_id}:${position.warehouse_id}`;
    groups.set(key, [...(groups.get(key) ?? []), position]);
  }
  await lockDraftSlots(
    tx,
    tenantId,
    supplied.map((position) => ({
      supplierId: position.supplier_id as string,
      warehouseId: position.warehouse_id,
    })),
  );
  const { baseCurrency } = await loadSettings(tx, tenantId);
  const draftDeps = { tx, tenantId, userId: deps.userId, newId: deps.newId };
  const created: string[] = [];
  for (const group of [...groups.keys()].sort()) {
    const positions = groups.get(group) as PositionRow[];
    const first = positions[0] as PositionRow;
    const supplierId = first.supplier_id as string;
    const draft = await openReorderDraft(tx, tenantId, supplierId, first.warehouse_id);
    const currency = draft?.currency ?? (first.supplier_currency as string);
    const newLines: DraftLine[] = [];
    for (const position of positions) {
      const toppedUp =
        draft &&
        (await topUpLine(tx, tenantId, draft.id, {
          itemId: position.item_id,
          warehouseId: position.warehouse_id,
          quantity: position.order_quantity,
        }));
      if (!toppedUp)
        newLines.push({
          itemId: position.item_id,
          quantity: position.order_quantity,
          unitPrice: await unitPriceOf(deps, position, supplierId, currency, baseCurrency),
          reorderWarehouseId: position.warehouse_id,
          note: `Below the reorder point (${trimDecimal(position.reorder_point)}) in stock and on order.`,
        });
    }
    let orderId: string;
    if (draft) {
      orderId = draft.id;
      await appendLines(draftDeps, orderId, newLines);
    } else {
      orderId = await createDraftOrder(draftDeps, {
        supplierId,
        warehouseId: first.warehouse_id,
        currency,
        source: 'reorder',
        note: 'Drafted by reordering: items below their reorder point. Check quantities and prices, then submit.',
        lines: newLines,
      });
      created.push(orderId);
    }
    const order = await purchaseOrderSnapshot(tx, tenantId, orderId);
    if (!draft) await deps.events.record(invantrayEvents, 'purchase-order.created', { purchaseOrder: order });
    for (const position of positions) {
      await announce(deps, position, orderId);
      shortfalls.push(shortfallOf(position, order.id, order.number));
    }
  }
  return created;
}

/**
 * The line's unit price: the supplier's price for the quantity on the day
 * (domain/prices.ts) when it is in the order's currency; else the item's
 * average cost when the order is in the base currency (what it cost us
 * last); else 0, left for the buyer to price before submitting.
 */
async function unitPriceOf(
  deps: ReorderDeps,
  position: PositionRow,
  supplierId: string,
  currency: string,
  baseCurrency: string,
): Promise<string> {
  const price = await priceFor(deps.tx, deps.tenantId, {
    supplierId,
    itemId: position.item_id,
    quantity: position.order_quantity,
    on: deps.today,
  });
  if (price && price.currency === currency) return price.unitPrice;
  return currency === baseCurrency ? position.average_cost : '0';
}

async function announce(deps: ReorderDeps, position: PositionRow, purchaseOrderId: string | null) {
  await deps.events.record(invantrayEvents, 'stock.below_reorder_point', {
    itemId: position.item_id,
    sku: position.sku,
    warehouseId: position.warehouse_id,
    available: trimDecimal(position.available),
    onOrder: trimDecimal(position.on_order),
    reorderPoint: trimDecimal(position.reorder_point),
    reorderQuantity: trimDecimal(position.reorder_quantity),
    purchaseOrderId,
  });
}

function shortfallOf(position: PositionRow, orderId: string | null, orderNumber: string | null): Shortfall {
  return {
    itemId: position.item_id,
    sku: position.sku,
    warehouseId: position.warehouse_id,
    available: trimDecimal(position.available),
    onOrder: trimDecimal(position.on_order),
    reorderPoint: trimDecimal(position.reorder_point),
    orderedQuantity: orderId ? trimDecimal(position.order_quantity) : null,
    purchaseOrderId: orderId,
    purchaseOrderNumber: orderNumber,
  };
}
