import { describe, expect, it } from 'vitest';
import { formatMoney, label, statusTone } from './format';

describe('CRM formats', () => {
  it('groups a decimal string without a float', () => {
    expect(formatMoney('12500.5', 'EUR')).toBe('EUR 12,500.50');
    expect(formatMoney('99999999999999999.99', 'USD')).toBe('USD 99,999,999,999,999,999.99');
    expect(formatMoney(null, 'EUR')).toBe('');
    expect(formatMoney('1000', null)).toBe('1,000');
  });
  it('labels enum values', () => {
    expect(label('cold_call')).toBe('Cold call');
    expect(statusTone('won')).toBe('success');
  });
});
