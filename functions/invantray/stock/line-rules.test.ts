import { describe, expect, it } from 'vitest';
import { lineProblems } from './line-rules';

const fields = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);

describe('lineProblems', () => {
  it('accepts each kind with the locations it takes', () => {
    expect(lineProblems('receipt', { toStockLocationId: 'b', unitCost: '1' }, 'l')).toEqual([]);
    expect(lineProblems('issue', { fromStockLocationId: 'a' }, 'l')).toEqual([]);
    expect(lineProblems('transfer', { fromStockLocationId: 'a', toStockLocationId: 'b' }, 'l')).toEqual([]);
  });

  it('names the missing or extra location of each kind', () => {
    expect(fields(lineProblems('receipt', { fromStockLocationId: 'a' }, 'l'))).toEqual([
      'l.fromStockLocationId:not_allowed',
      'l.toStockLocationId:required',
    ]);
    expect(fields(lineProblems('issue', { toStockLocationId: 'b' }, 'l'))).toEqual([
      'l.fromStockLocationId:required',
      'l.toStockLocationId:not_allowed',
    ]);
    expect(
      fields(lineProblems('transfer', { fromStockLocationId: 'a', toStockLocationId: 'a' }, 'l')),
    ).toEqual(['l.toStockLocationId:same_location']);
  });

  it('lets only receipts carry a cost', () => {
    expect(fields(lineProblems('issue', { fromStockLocationId: 'a', unitCost: '2' }, 'l'))).toEqual([
      'l.unitCost:not_allowed',
    ]);
  });

  it('refuses a lot together with serials, and a serial named twice', () => {
    const both = lineProblems(
      'receipt',
      { toStockLocationId: 'b', lotNumber: 'L1', serialNumbers: ['S1'] },
      'l',
    );
    const twice = lineProblems('receipt', { toStockLocationId: 'b', serialNumbers: ['S1', 'S1'] }, 'l');

    expect(fields(both)).toEqual(['l.serialNumbers:not_allowed']);
    expect(fields(twice)).toEqual(['l.serialNumbers:duplicate']);
  });
});
