import { describe, expect, it } from 'vitest';
import type { StockLocation } from '../types';
import { pathLabel, treeRows, visibleRows } from './tree';

function location(
  id: string,
  code: string,
  parentId: string | null,
  kind: StockLocation['kind'] = 'bin',
): StockLocation {
  return {
    id,
    code,
    parentId,
    kind,
    warehouseId: 'w',
    warehouseCode: 'WH1',
    name: null,
    barcode: code,
    active: true,
    depth: 0,
    path: [code],
    onHandLines: 0,
    version: 1,
    createdAt: '',
  };
}

const flat = [
  location('b10', 'B10', 'a'),
  location('a', 'A', null, 'zone'),
  location('b2', 'B2', 'a'),
  location('rcv', 'RECEIVING', null, 'receiving'),
  location('x', 'X', 'gone'),
];

describe('treeRows', () => {
  it('orders the tree depth first, receiving first and codes numerically', () => {
    const rows = treeRows(flat);
    expect(rows.map((row) => `${row.depth}:${row.path.join('/')}`)).toEqual([
      '0:RECEIVING',
      '0:A',
      '1:A/B2',
      '1:A/B10',
      '0:X',
    ]);
    expect(rows.find((row) => row.location.id === 'a')?.hasChildren).toBe(true);
  });

  it('hides the children of a collapsed location', () => {
    const rows = treeRows(flat);
    expect(visibleRows(rows, new Set()).map((row) => row.location.id)).toEqual(['rcv', 'a', 'x']);
    expect(visibleRows(rows, new Set(['a'])).map((row) => row.location.id)).toEqual([
      'rcv',
      'a',
      'b2',
      'b10',
      'x',
    ]);
  });

  it('labels a location by its path and name', () => {
    const row = treeRows([location('a', 'A', null), { ...location('b', 'B1', 'a'), name: 'Top shelf' }])[1];
    expect(row && pathLabel(row)).toBe('A / B1 (Top shelf)');
  });
});
