import { describe, expect, it } from 'vitest';
import { barcodesText, parseBarcodes, parseUnits, unitsText } from './item-form';

describe('item form lists', () => {
  it('reads unit conversions and reports bad lines', () => {
    expect(parseUnits('box = 12\n\npallet=480\ncase = zero\nbag = 0')).toEqual({
      units: [
        { unit: 'box', factor: '12' },
        { unit: 'pallet', factor: '480' },
      ],
      bad: [3, 4],
    });
  });

  it('reads barcodes with an optional unit', () => {
    expect(parseBarcodes('4006381333931\n 4006381333948 = box ')).toEqual([
      { code: '4006381333931' },
      { code: '4006381333948', unit: 'box' },
    ]);
  });

  it('writes them back the same way', () => {
    expect(
      unitsText([
        { unit: 'box', factor: '12.000000' },
        { unit: 'pallet', factor: '120' },
      ]),
    ).toBe('box = 12\npallet = 120');
    expect(
      barcodesText([
        { code: 'A', unit: null },
        { code: 'B', unit: 'box' },
      ]),
    ).toBe('A\nB = box');
  });
});
