import { describe, expect, it } from 'vitest';
import { addAmounts, adjustTotals, compareAmounts, formatPercent, isAmount, subtractAmounts } from './money';

describe('money', () => {
  it('adds and subtracts decimal strings exactly', () => {
    expect(addAmounts('0.1', '0.2')).toBe('0.30');
    expect(addAmounts('1000.10', '0.9')).toBe('1001.00');
    expect(addAmounts('99999999999999999.99', '0.01')).toBe('100000000000000000.00');
    expect(subtractAmounts('10', '10.01')).toBe('-0.01');
    expect(compareAmounts('2.5', '2.50')).toBe(0);
  });

  it('accepts amounts with at most two decimals', () => {
    expect(isAmount('12')).toBe(true);
    expect(isAmount('12.34')).toBe(true);
    expect(isAmount('12.345')).toBe(false);
    expect(isAmount('-1')).toBe(false);
    expect(isAmount('1e3')).toBe(false);
  });

  it('moves an amount between per-currency totals', () => {
    const totals = [
      { currency: 'EUR', total: '100.00' },
      { currency: 'USD', total: '5.00' },
    ];
    expect(adjustTotals(totals, '5.00', 'USD', -1)).toEqual([{ currency: 'EUR', total: '100.00' }]);
    expect(adjustTotals(totals, '0.50', 'GBP', 1)).toEqual([...totals, { currency: 'GBP', total: '0.50' }]);
    expect(adjustTotals(totals, null, null, 1)).toEqual(totals);
  });

  it('prints probabilities without trailing zeros', () => {
    expect(formatPercent('50.00')).toBe('50 %');
    expect(formatPercent('33.30')).toBe('33.3 %');
    expect(formatPercent(100)).toBe('100 %');
  });
});
