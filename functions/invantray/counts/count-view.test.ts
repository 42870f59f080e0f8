import { describe, expect, it } from 'vitest';
import { NO_LOT } from '../domain/decimals';
import { type CountLineRow, revealsExpected, toCountLine } from './count-view';

const line: CountLineRow = {
  id: '0190a000-0000-7000-8000-000000000001',
  item_id: '0190a000-0000-7000-8000-000000000002',
  sku: 'BOLT',
  item_name: 'Bolt',
  unit: 'each',
  location_id: '0190a000-0000-7000-8000-000000000003',
  location_code: 'B1',
  lot_key: NO_LOT,
  lot_number: null,
  expected: '10.0000',
  counted: '9.0000',
  counted_by: null,
  counted_at: null,
  unit_cost: '2.000000',
  variance: '-1.0000',
  variance_value: '-2.00',
};

describe('blind counting', () => {
  it('reveals expected quantities only to adjusters, and only once the count is submitted', () => {
    const adjuster = ['invantray:stock:*'];
    const counter = ['invantray:stock:count', 'invantray:stock:read'];

    expect(revealsExpected('open', adjuster)).toBe(false);
    expect(revealsExpected('cancelled', adjuster)).toBe(false);
    expect(revealsExpected('pending_approval', adjuster)).toBe(true);
    expect(revealsExpected('posted', ['*:*:*'])).toBe(true);
    expect(revealsExpected('posted', counter)).toBe(false);
  });

  it('leaves the expected figures out of a blind line instead of nulling them', () => {
    const blind = toCountLine(line, false);
    const revealed = toCountLine(line, true);

    expect(blind).toMatchObject({ counted: '9', lotId: null });
    expect(Object.keys(blind)).not.toContain('expected');
    expect(Object.keys(blind)).not.toContain('varianceValue');
    expect(revealed).toMatchObject({ expected: '10', variance: '-1', unitCost: '2', varianceValue: '-2.00' });
  });
});
