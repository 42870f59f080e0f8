import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimals,
  isDecimal,
  isZero,
  remainingOf,
  subtractDecimals,
  trimDecimal,
} from './decimal';

describe('decimal strings', () => {
  it('adds exactly, without floating-point drift', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('12.0000', '1')).toBe('13');
    expect(addDecimals('999999999999.9999', '0.0001')).toBe('1000000000000');
  });

  it('subtracts into negatives and back', () => {
    expect(subtractDecimals('5', '7.5')).toBe('-2.5');
    expect(subtractDecimals('-2.5', '-2.5')).toBe('0');
  });

  it('compares across scales', () => {
    expect(compareDecimals('1.50', '1.5')).toBe(0);
    expect(compareDecimals('10', '9.9999')).toBe(1);
    expect(compareDecimals('-1', '0')).toBe(-1);
  });

  it('says what is left, never below zero', () => {
    expect(remainingOf('100', '60')).toBe('40');
    expect(remainingOf('100', '105')).toBe('0');
    expect(isZero('0.0000')).toBe(true);
  });

  it('accepts what a quantity field may hold', () => {
    expect(isDecimal('12.5')).toBe(true);
    expect(isDecimal(' 3 ')).toBe(true);
    expect(isDecimal('1.23456')).toBe(false);
    expect(isDecimal('-1')).toBe(false);
    expect(isDecimal('1e3')).toBe(false);
    expect(isDecimal('')).toBe(false);
  });

  it('drops trailing zeros, or keeps the places money shows', () => {
    expect(trimDecimal('12.000000')).toBe('12');
    expect(trimDecimal('2.50')).toBe('2.5');
    expect(trimDecimal('120')).toBe('120');
    expect(trimDecimal('1001', 2)).toBe('1001.00');
    expect(trimDecimal('-0.5', 2)).toBe('-0.50');
    expect(trimDecimal('-0.000')).toBe('0');
  });
});
