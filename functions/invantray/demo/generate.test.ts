import { describe, expect, it } from 'vitest';
import { DEMO_ITEM_COUNT, generateInventory } from './generate';

let counter = 0;
const ids = {
  newId: () => {
    counter += 1;
    return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  },
  warehouseManager: 'wanda',
  buyer: 'pablo',
  owner: 'olivia',
  requesters: ['ethan', 'maya'],
};
const today = new Date('2026-12-06T12:00:00Z');
const NO_LOT = '00000000-0000-0000-0000-000000000000';

describe('the Invantray demo generator', () => {
  it('is repeatable: the same day gives the same inventory', () => {
    const first = generateInventory(today, ids);
    const second = generateInventory(today, ids);

    expect(second.items.map((item) => [item.sku, item.average_cost])).toEqual(
      first.items.map((item) => [item.sku, item.average_cost]),
    );
    expect(second.moves.map((move) => move.quantity)).toEqual(first.moves.map((move) => move.quantity));
  });

  it('has about 300 items with unique SKUs and barcodes, two warehouses with bins and suppliers with prices', () => {
    const demo = generateInventory(today, ids);

    expect(DEMO_ITEM_COUNT).toBeGreaterThanOrEqual(280);
    expect(demo.items).toHaveLength(DEMO_ITEM_COUNT);
    expect(new Set(demo.items.map((item) => item.sku)).size).toBe(demo.items.length);
    expect(new Set(demo.barcodes.map((barcode) => barcode.code)).size).toBe(demo.barcodes.length);
    expect(demo.warehouses).toHaveLength(2);
    expect(demo.locations.filter((location) => location.kind === 'bin')).toHaveLength(48);
    expect(demo.prices.length).toBeGreaterThan(demo.items.length);
  });

  it('keeps balances equal to the ledger’s sum, never negative at any point in time', () => {
    const demo = generateInventory(today, ids);
    const running = new Map<string, number>();
    const ordered = [...demo.moves].sort((a, b) => String(a.posted_at).localeCompare(String(b.posted_at)));

    for (const move of ordered) {
      const lot = (move.lot_id as string | null) ?? NO_LOT;
      const quantity = Number(move.quantity);
      if (move.from_location_id) {
        const key = `${move.item_id}|${move.from_location_id}|${lot}`;
        running.set(key, (running.get(key) ?? 0) - quantity);
        expect(running.get(key), `${key} at ${move.posted_at}`).toBeGreaterThanOrEqual(0);
      }
      if (move.to_location_id) {
        const key = `${move.item_id}|${move.to_location_id}|${lot}`;
        running.set(key, (running.get(key) ?? 0) + quantity);
      }
    }
    for (const balance of demo.stockBalances) {
      const key = `${balance.item_id}|${balance.location_id}|${balance.lot_key}`;
      expect(Number(balance.on_hand)).toBe(running.get(key) ?? 0);
    }
    expect(ordered.at(-1)?.posted_at && new Date(String(ordered.at(-1)?.posted_at)) <= today).toBe(true);
  });

  it('has orders in every status, receipts for the received ones and items below their reorder point', () => {
    const demo = generateInventory(today, ids);

    expect(new Set(demo.purchaseOrders.map((order) => order.status))).toEqual(
      new Set([
        'draft',
        'submitted',
        'approved',
        'sent',
        'partially_received',
        'received',
        'closed',
        'cancelled',
      ]),
    );
    const receivedLines = demo.orderLines.filter((line) => Number(line.received_quantity) > 0);
    expect(demo.receiptLines).toHaveLength(receivedLines.length);
    expect(demo.moves.filter((move) => move.kind === 'receipt')).toHaveLength(receivedLines.length);
    expect(demo.belowReorderPoint).toBeGreaterThanOrEqual(5);
    expect(demo.counts.map((count) => count.status)).toEqual(['posted', 'open']);
  });
});
