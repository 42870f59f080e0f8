import { describe, expect, it } from 'vitest';
import { describeMatch, describeMiss, normalizeScan, pickMatch, type ScanMatch, scanQuantity } from './parse';

const item = { id: 'i1', sku: 'WID-1', name: 'Widget', unit: 'each' };
const bin: ScanMatch = {
  type: 'location',
  location: { id: 'l1', code: 'B2', warehouseId: 'w1', warehouseCode: 'WH1', path: ['A', '03', 'B2'] },
};

describe('normalizeScan', () => {
  it('trims what the scanner typed', () => {
    expect(normalizeScan('  4006381333931 \n')).toBe('4006381333931');
  });

  it('drops an AIM symbology prefix and control characters', () => {
    expect(normalizeScan(']C10104006381333931\u001d10ABC')).toBe('010400638133393110ABC');
    expect(normalizeScan(']Q1WH1-A-03-B2')).toBe('WH1-A-03-B2');
  });

  it('keeps a code that merely contains a bracket', () => {
    expect(normalizeScan('AB]C1')).toBe('AB]C1');
  });

  it('caps the code at the longest barcode Invantray stores', () => {
    expect(normalizeScan('x'.repeat(300))).toHaveLength(128);
  });
});

describe('pickMatch', () => {
  const matches: ScanMatch[] = [{ type: 'item', item }, bin];

  it('takes the first match of an accepted kind, in the lookup order', () => {
    expect(pickMatch(matches, ['location'])).toBe(bin);
    expect(pickMatch(matches, ['item', 'location'])?.type).toBe('item');
  });

  it('finds nothing when no kind is accepted', () => {
    expect(pickMatch(matches, ['serial'])).toBeUndefined();
  });
});

describe('scanQuantity', () => {
  it('counts one base unit for an item barcode', () => {
    expect(scanQuantity({ type: 'item', item })).toBe('1');
  });

  it("counts a carton barcode's factor", () => {
    expect(scanQuantity({ type: 'item', item, unit: 'box', factor: '12.000000' })).toBe('12');
    expect(scanQuantity({ type: 'item', item, unit: 'pack', factor: '2.500000' })).toBe('2.5');
  });

  it('ignores a factor that is not a positive decimal', () => {
    expect(scanQuantity({ type: 'item', item, factor: '-3' })).toBe('1');
    expect(scanQuantity({ type: 'item', item, factor: '0' })).toBe('1');
  });
});

describe('describing a scan', () => {
  it('names the item, its carton unit and the location path', () => {
    expect(describeMatch({ type: 'item', item })).toBe('Item WID-1 · Widget');
    expect(describeMatch({ type: 'item', item, unit: 'box', factor: '12' })).toBe(
      'Item WID-1 · Widget (box)',
    );
    expect(describeMatch(bin)).toBe('Location WH1 · A / 03 / B2');
    expect(describeMatch({ type: 'serial', item, lot: { id: 's', number: 'SN-9', kind: 'serial' } })).toBe(
      'Serial SN-9 of WID-1 · Widget',
    );
  });

  it('says why a code did not fit', () => {
    expect(describeMiss({ code: 'NOPE', matches: [] }, ['item'])).toBe('Nothing has the code NOPE.');
    expect(describeMiss({ code: 'WH1-A', matches: [bin] }, ['item'])).toBe(
      'WH1-A is a location; here an item is expected.',
    );
  });
});
