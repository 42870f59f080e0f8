import { describe, expect, it } from 'vitest';
import { formatMoney, formatQuantity, formatVariance, isNegative, label } from './format';

describe('format', () => {
  it('shows quantities without trailing zeros, grouped', () => {
    expect(formatQuantity('12.5000')).toBe('12.5');
    expect(formatQuantity('1200.0000')).toBe('1,200');
    expect(formatQuantity('0')).toBe('0');
    expect(formatQuantity(null)).toBe('—');
  });

  it('shows money with two places at least, never rounding away a cost', () => {
    expect(formatMoney('1234.5', 'USD')).toBe('1,234.50 USD');
    expect(formatMoney('2.125000')).toBe('2.125');
    expect(formatMoney('10')).toBe('10.00');
  });

  it('signs variances', () => {
    expect(formatVariance('2.0000')).toBe('+2');
    expect(formatVariance('-1.5000')).toBe('−1.5');
    expect(formatVariance('0.0000')).toBe('0');
    expect(isNegative('-0.0000')).toBe(false);
    expect(isNegative('-3')).toBe(true);
  });

  it('labels statuses', () => {
    expect(label('pending_approval')).toBe('Pending approval');
  });
});
