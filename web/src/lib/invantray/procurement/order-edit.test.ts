import { describe, expect, it } from 'vitest';
import { keptLines, orderPatch } from './order-edit';
import { newLine } from './order-lines';
import type { Order } from './types';

const order = {
  version: 4,
  lines: [
    {
      id: 'l1',
      itemId: 'i1',
      sku: 'B-1',
      name: 'Bolt',
      unit: 'each',
      quantity: '600.0000',
      unitPrice: '10.000000',
    },
  ],
} as unknown as Order;

describe('orderPatch', () => {
  it('edits kept lines by id, adds new ones, with the version', () => {
    const kept = keptLines(order).map((line) => ({ ...line, quantity: '500' }));
    const added = [
      { ...newLine(), item: { id: 'i2', sku: 'N-1', name: 'Nut', unit: 'each' }, quantity: '3' },
    ];
    expect(orderPatch(order, kept, added, '2025-03-01', ' ')).toEqual({
      body: {
        version: 4,
        expectedOn: '2025-03-01',
        note: null,
        lines: [
          { id: 'l1', itemId: 'i1', quantity: '500', unitPrice: '10' },
          { itemId: 'i2', quantity: '3' },
        ],
      },
      problems: {},
    });
  });

  it("names a new line's problem at its place in the whole list", () => {
    const { problems } = orderPatch(order, keptLines(order), [newLine()], '', '');
    expect(problems).toEqual({ 'lines.1.itemId': 'Choose an item.' });
  });

  it('refuses an order left without lines', () => {
    expect(orderPatch(order, [], [], '', '').problems.lines).toMatch(/at least one line/);
  });
});
