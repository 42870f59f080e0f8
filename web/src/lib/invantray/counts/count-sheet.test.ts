import { describe, expect, it } from 'vitest';
import type { CountLine } from '../types';
import { entriesOf, firstLineAt, lineForItem, uncountedIds } from './count-sheet';

function line(
  id: string,
  itemId: string,
  stockLocationId: string,
  lotNumber: string | null = null,
): CountLine {
  return {
    id,
    itemId,
    stockLocationId,
    lotNumber,
    sku: itemId,
    itemName: itemId,
    unit: 'each',
    locationCode: stockLocationId,
    counted: null,
    countedAt: null,
    countedBy: null,
    lotId: null,
  };
}
const lines = [line('1', 'widget', 'b1'), line('2', 'widget', 'b2'), line('3', 'bolt', 'b2', 'L7')];

describe('count sheet', () => {
  it('finds the line of a scanned item at the location scanned last', () => {
    expect(lineForItem(lines, 'widget', 'b2')?.id).toBe('2');
    expect(lineForItem(lines, 'widget', undefined)?.id).toBe('1');
    expect(lineForItem(lines, 'bolt', 'b1')).toBeUndefined();
    expect(firstLineAt(lines, 'b2')?.id).toBe('2');
  });

  it('sends the typed lines and the found items, and names bad values', () => {
    const found = [
      {
        key: 'f1',
        itemId: 'nut',
        sku: 'NUT',
        itemName: 'Nut',
        stockLocationId: 'b1',
        locationCode: 'b1',
        lotNumber: '',
        counted: '4',
      },
    ];
    expect(entriesOf(lines, { '1': '5', '2': '', '3': '2.5' }, found)).toEqual({
      entries: [
        { itemId: 'widget', stockLocationId: 'b1', counted: '5' },
        { itemId: 'bolt', stockLocationId: 'b2', lotNumber: 'L7', counted: '2.5' },
        { itemId: 'nut', stockLocationId: 'b1', counted: '4' },
      ],
      invalid: [],
    });
    expect(entriesOf(lines, { '1': '-1' }, []).invalid).toEqual(['1']);
  });

  it('reads the uncounted lines from the problem', () => {
    const id = '0b5e1f7e-6c1a-4a7e-9a51-3f0b0c4f6d11';
    expect(uncountedIds([{ field: `lines.${id}` }, { field: 'note' }])).toEqual([id]);
  });
});
