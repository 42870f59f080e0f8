import { describe, expect, it } from 'vitest';
import {
  decimalOf,
  inverseNormal,
  smoothedDemand,
  standardDeviation,
  suggestReorderPoint,
} from './suggestion-math';

describe('reorder point suggestion', () => {
  it('answers d·L for a constant demand: 10 a day over 7 days is 70, with no safety stock', () => {
    const suggestion = suggestReorderPoint(Array(90).fill(10), 7, 0.95);

    expect(suggestion.dailyDemand).toBeCloseTo(10, 9);
    expect(suggestion.demandStdDev).toBe(0);
    expect(suggestion.safetyStock).toBe(0);
    expect(Math.abs(suggestion.reorderPoint - 70) / 70).toBeLessThan(0.05);
  });

  it('adds z·σ·√L of safety stock for varying demand', () => {
    const series = Array.from({ length: 90 }, (_, day) => (day % 2 === 0 ? 5 : 15));
    const suggestion = suggestReorderPoint(series, 4, 0.95);
    const sigma = standardDeviation(series);

    expect(suggestion.safetyStock).toBeCloseTo(1.6448536 * sigma * 2, 5);
    expect(suggestion.reorderPoint).toBeCloseTo(suggestion.dailyDemand * 4 + suggestion.safetyStock, 9);
  });

  it('weighs recent days more: a demand that doubled lately smooths above the mean', () => {
    const series = [...Array(60).fill(10), ...Array(30).fill(20)];

    expect(smoothedDemand(series)).toBeGreaterThan(19);
    expect(smoothedDemand([])).toBe(0);
  });

  it('inverts the normal distribution to Acklam’s precision', () => {
    expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormal(0.95)).toBeCloseTo(1.6448536, 6);
    expect(inverseNormal(0.99)).toBeCloseTo(2.3263479, 6);
    expect(inverseNormal(0.01)).toBeCloseTo(-2.3263479, 6);
    expect(inverseNormal(0.9999)).toBeCloseTo(3.7190165, 5);
    expect(() => inverseNormal(1)).toThrow(RangeError);
  });

  it('shows floats as trimmed decimal strings', () => {
    expect(decimalOf(70.000000001)).toBe('70');
    expect(decimalOf(1.23456)).toBe('1.2346');
    expect(decimalOf(-0.00001)).toBe('0');
  });
});
