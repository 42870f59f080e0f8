import { describe, expect, it } from 'vitest';
import { combineMatches, matchLine, priceMatches, quantityMatches, scaled } from './three-way-match';

const tolerances = { quantityPercent: '0', pricePercent: '2' };

describe('scaled', () => {
  it('reads decimal strings exactly, trailing zeros or not', () => {
    expect(scaled('12.5000')).toBe(scaled('12.5'));
    expect(scaled('0.00000001')).toBe(1n);
    expect(scaled('3')).toBe(300_000_000n);
  });

  it('refuses what is not a non-negative decimal rather than guessing', () => {
    expect(() => scaled('-1')).toThrow();
    expect(() => scaled('1e3')).toThrow();
    expect(() => scaled('0.000000001')).toThrow();
  });
});

describe('quantityMatches', () => {
  it('takes invoiced up to received, and no further without a tolerance', () => {
    expect(quantityMatches('40', '40.0000', '0')).toBe(true);
    expect(quantityMatches('40', '40.0001', '0')).toBe(false);
    expect(quantityMatches('0', '1', '0')).toBe(false);
  });

  it('allows the tolerance exactly at its edge', () => {
    expect(quantityMatches('40', '42', '5')).toBe(true);
    expect(quantityMatches('40', '42.0001', '5')).toBe(false);
  });

  it('is exact where floats are not (0.1 + 0.2 style values)', () => {
    expect(quantityMatches('0.3', '0.3', '0')).toBe(true);
    expect(quantityMatches('100', '100.1', '0.1')).toBe(true);
  });
});

describe('priceMatches', () => {
  it('accepts a price within the tolerance either side of the order price', () => {
    expect(priceMatches('5.00', '5.10', '2')).toBe(true);
    expect(priceMatches('5.00', '4.90', '2')).toBe(true);
  });

  it('refuses one cent beyond the tolerance, up or down', () => {
    expect(priceMatches('5.00', '5.11', '2')).toBe(false);
    expect(priceMatches('5.00', '4.89', '2')).toBe(false);
  });

  it('with a free order line, only a free invoice line matches', () => {
    expect(priceMatches('0', '0', '2')).toBe(true);
    expect(priceMatches('0', '0.01', '2')).toBe(false);
  });
});

describe('matchLine', () => {
  const facts = { received: '10', invoiced: '10', orderedPrice: '4.00', invoicedPrice: '4.00' };

  it('names which of quantity and price differ', () => {
    expect(matchLine(facts, tolerances)).toBe('matched');
    expect(matchLine({ ...facts, invoiced: '12' }, tolerances)).toBe('quantity_mismatch');
    expect(matchLine({ ...facts, invoicedPrice: '4.50' }, tolerances)).toBe('price_mismatch');
    expect(matchLine({ ...facts, invoiced: '12', invoicedPrice: '4.50' }, tolerances)).toBe('mismatch');
  });
});

describe('combineMatches', () => {
  it('is matched only when every line is, and mismatch when both kinds differ somewhere', () => {
    expect(combineMatches(['matched', 'matched'])).toBe('matched');
    expect(combineMatches(['matched', 'price_mismatch'])).toBe('price_mismatch');
    expect(combineMatches(['quantity_mismatch', 'matched'])).toBe('quantity_mismatch');
    expect(combineMatches(['quantity_mismatch', 'price_mismatch'])).toBe('mismatch');
    expect(combineMatches([])).toBe('matched');
  });
});
