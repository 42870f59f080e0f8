import { BusinessRuleError } from '@halooid/shared/errors';
import { describe, expect, it } from 'vitest';
import { defaultBarcode, expandRange, MAX_RANGE } from './location-codes';

describe('expandRange', () => {
  it('counts from one code to the other, keeping the zero padding', () => {
    expect(expandRange('A-08', 'A-11')).toEqual(['A-08', 'A-09', 'A-10', 'A-11']);
  });

  it('takes a bare number and a single code', () => {
    expect(expandRange('7', '7')).toEqual(['7']);
  });

  it('refuses different prefixes, no number, backwards and oversized ranges', () => {
    expect(() => expandRange('A-01', 'B-02')).toThrow(BusinessRuleError);
    expect(() => expandRange('A', 'B')).toThrow(BusinessRuleError);
    expect(() => expandRange('A-05', 'A-01')).toThrow(BusinessRuleError);
    expect(() => expandRange('A-1', `A-${MAX_RANGE + 1}`)).toThrow(/at most/);
  });
});

describe('defaultBarcode', () => {
  it('joins the warehouse code and the path with -', () => {
    expect(defaultBarcode('WH1', ['A', '03', 'B2'])).toBe('WH1-A-03-B2');
  });
});
