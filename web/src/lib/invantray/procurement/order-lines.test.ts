import { describe, expect, it } from 'vitest';
import { linesRequest, newLine } from './order-lines';

const bolt = { id: 'i1', sku: 'B-1', name: 'Bolt', unit: 'each' };

describe('linesRequest', () => {
  it('sends the lines with an item, the price only when one is set', () => {
    const lines = [
      { ...newLine(), item: bolt, quantity: '600', unitPrice: '10.5' },
      { ...newLine(), item: bolt, quantity: '2' },
    ];
    expect(linesRequest(lines, true)).toEqual({
      lines: [
        { itemId: 'i1', quantity: '600', unitPrice: '10.5' },
        { itemId: 'i1', quantity: '2' },
      ],
      problems: {},
    });
  });

  it('names each problem like the API does', () => {
    const lines = [
      { ...newLine(), quantity: '0' },
      { ...newLine(), item: bolt, unitPrice: '1,5' },
    ];
    expect(linesRequest(lines, true).problems).toEqual({
      'lines.0.itemId': 'Choose an item.',
      'lines.0.quantity': 'A quantity above zero, at most 4 decimal places.',
      'lines.1.unitPrice': 'A price, at most 6 decimal places.',
    });
  });

  it('asks for at least one item, and leaves prices out of a requisition', () => {
    expect(linesRequest([], false).problems).toEqual({ lines: 'Add at least one item.' });
    expect(linesRequest([{ ...newLine(), item: bolt, unitPrice: '3' }], false).lines).toEqual([
      { itemId: 'i1', quantity: '1' },
    ]);
  });
});
