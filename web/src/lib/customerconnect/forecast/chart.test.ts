import { describe, expect, it } from 'vitest';
import { bars, currenciesOf, rowsOf } from './chart';

const figures = (currency: string, total: string, weighted: string, wonTotal = '0.00', count = 1) => ({
  currency,
  count,
  total,
  weighted,
  open: { count, total, weighted },
  won: { count: 0, total: wonTotal },
  lost: { count: 0, total: '0.00' },
});
const label = (group: { key: string | null; label: string | null }) => group.label ?? group.key ?? '';

describe('forecast chart', () => {
  const groups = [
    {
      key: 'a',
      label: 'Ana',
      currencies: [figures('EUR', '200.00', '50.00'), figures('USD', '10.00', '1.00')],
    },
    { key: 'b', label: 'Ben', currencies: [figures('EUR', '100.00', '100.00', '100.00')] },
  ];

  it('takes one currency’s rows in group order', () => {
    expect(rowsOf(groups, 'EUR', label).map((row) => [row.key, row.total])).toEqual([
      ['a', '200.00'],
      ['b', '100.00'],
    ]);
    expect(rowsOf(groups, 'USD', label).map((row) => row.label)).toEqual(['Ana']);
  });

  it('scales bars to the largest total', () => {
    const chart = bars(rowsOf(groups, 'EUR', label), 400);
    expect(chart.bars[0]).toMatchObject({ total: 400, weighted: 100, won: 0 });
    expect(chart.bars[1]).toMatchObject({ total: 200, weighted: 200, won: 200 });
    expect(bars([], 400).bars).toEqual([]);
  });

  it('lists currencies with the most deals first', () => {
    expect(
      currenciesOf([
        { currency: 'USD', count: 1 },
        { currency: 'EUR', count: 5 },
        { currency: 'CHF', count: 1 },
      ]),
    ).toEqual(['EUR', 'CHF', 'USD']);
  });
});
