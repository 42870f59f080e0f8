import { describe, expect, it } from 'vitest';
import { barcodeUnitOf, unitAndBarcodeProblems } from './item-rules';
import { availableOf } from './repository';
import { CreateItemBody, ListItemsQuery, PutReorderSettingBody, UpdateItemBody } from './schemas';

const where = { units: 'body.units', barcodes: 'body.barcodes' };

describe('item schemas', () => {
  it('fills the defaults of a minimal item and trims its SKU and name', () => {
    expect(CreateItemBody.parse({ sku: ' DR-1 ', name: '  Drill  ' })).toEqual({
      sku: 'DR-1',
      name: 'Drill',
      unit: 'each',
      units: [],
      barcodes: [],
      tracking: 'none',
      active: true,
      images: [],
    });
  });

  it('refuses unknown fields, hidden characters, http images, bad factors and too many images', () => {
    const base = { sku: 'A', name: 'A' };
    expect(CreateItemBody.safeParse({ ...base, tenantId: 'x' }).success).toBe(false);
    expect(CreateItemBody.safeParse({ ...base, name: 'bad\u202Ename' }).success).toBe(false);
    expect(CreateItemBody.safeParse({ ...base, images: ['http://example.com/a.png'] }).success).toBe(false);
    expect(CreateItemBody.safeParse({ ...base, images: ['https://example.com/a.png'] }).success).toBe(true);
    expect(
      CreateItemBody.safeParse({ ...base, images: Array(11).fill('https://example.com/a.png') }).success,
    ).toBe(false);
    expect(CreateItemBody.safeParse({ ...base, units: [{ unit: 'box', factor: '0' }] }).success).toBe(false);
    expect(CreateItemBody.safeParse({ ...base, units: [{ unit: 'box', factor: '1.5e3' }] }).success).toBe(
      false,
    );
    expect(CreateItemBody.safeParse({ ...base, barcodes: [{ code: 'é' }] }).success).toBe(false);
  });

  it('bounds list filters and defaults to active items', () => {
    expect(ListItemsQuery.parse({})).toMatchObject({ limit: 20, active: 'true' });
    expect(ListItemsQuery.safeParse({ active: 'yes' }).success).toBe(false);
    expect(ListItemsQuery.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    expect(UpdateItemBody.safeParse({ version: 1, costMethod: 'fifo' }).success).toBe(false);
  });

  it('takes a zero reorder point but a positive reorder quantity', () => {
    expect(PutReorderSettingBody.safeParse({ reorderPoint: '0', reorderQuantity: '5' }).success).toBe(true);
    expect(PutReorderSettingBody.safeParse({ reorderPoint: '5', reorderQuantity: '0' }).success).toBe(false);
    expect(PutReorderSettingBody.safeParse({ reorderPoint: '-1', reorderQuantity: '5' }).success).toBe(false);
  });
});

describe('units and barcodes', () => {
  it('accepts conversions to other units and barcodes of known units', () => {
    expect(
      unitAndBarcodeProblems(
        'each',
        [{ unit: 'box' }, { unit: 'pallet' }],
        [{ code: '1' }, { code: '2', unit: 'BOX' }, { code: '3', unit: 'each' }],
        where,
      ),
    ).toEqual([]);
  });

  it('refuses the base unit as a conversion, a unit twice, a barcode twice and a barcode of an unknown unit', () => {
    const problems = unitAndBarcodeProblems(
      'each',
      [{ unit: 'Each' }, { unit: 'box' }, { unit: 'Box' }],
      [{ code: '1' }, { code: '1' }, { code: '2', unit: 'case' }],
      where,
    );

    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['body.units.0.unit', 'base_unit_conversion'],
      ['body.units.2.unit', 'duplicate_unit'],
      ['body.barcodes.1.code', 'duplicate_barcode'],
      ['body.barcodes.2.unit', 'unknown_unit'],
    ]);
  });

  it("stores a barcode's unit as the conversion spells it, and the base unit as null", () => {
    expect(barcodeUnitOf('each', [{ unit: 'box' }], 'BOX')).toBe('box');
    expect(barcodeUnitOf('each', [{ unit: 'box' }], 'Each')).toBeNull();
    expect(barcodeUnitOf('each', [{ unit: 'box' }], undefined)).toBeNull();
  });
});

describe('availableOf', () => {
  it('subtracts numeric texts exactly', () => {
    expect(availableOf('10.0000', '2.5000')).toBe('7.5');
    expect(availableOf('0.0003', '0.0001')).toBe('0.0002');
    expect(availableOf('99999999999999.9999', '0')).toBe('99999999999999.9999');
    expect(availableOf('5', '5')).toBe('0');
  });
});
