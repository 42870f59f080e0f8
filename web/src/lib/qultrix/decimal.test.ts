import { describe, expect, it } from 'vitest';
import { subtractDecimal } from './decimal';

describe('subtractDecimal', () => {
  it('subtracts exactly where floats would not', () => {
    expect(subtractDecimal('0.3', '0.1')).toBe('0.200');
    expect(subtractDecimal('25', '2.5')).toBe('22.500');
  });

  it('goes below zero with a sign', () => {
    expect(subtractDecimal('1', '2.5')).toBe('-1.500');
    expect(subtractDecimal('-0.5', '0.25')).toBe('-0.750');
    expect(subtractDecimal('0.5', '0.5')).toBe('0.000');
  });

  it('refuses what is not a decimal', () => {
    expect(() => subtractDecimal('1e3', '1')).toThrow('Not a decimal');
  });
});
