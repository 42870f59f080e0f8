import { describe, expect, it } from 'vitest';
import { currentPeriod, kindOf, periodLabel, periodOptions, shiftPeriod } from './period';

const today = new Date(Date.UTC(2026, 11, 6));

describe('forecast periods', () => {
  it('names the period holding today', () => {
    expect(currentPeriod('quarter', today)).toBe('2026-Q4');
    expect(currentPeriod('month', today)).toBe('2026-12');
    expect(currentPeriod('year', today)).toBe('2026');
  });

  it('steps across years', () => {
    expect(shiftPeriod('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftPeriod('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('2026-01', -13)).toBe('2024-12');
    expect(shiftPeriod('2026', -1)).toBe('2025');
  });

  it('tells the kinds apart and labels them', () => {
    expect(kindOf('2026-Q4')).toBe('quarter');
    expect(kindOf('2026-13')).toBeUndefined();
    expect(periodLabel('2026-Q4')).toBe('Q4 2026');
    expect(periodLabel('2026')).toBe('2026');
  });

  it('offers periods around today with the current one marked', () => {
    const options = periodOptions('quarter', today, 1, 1);
    expect(options.map((option) => option.value)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect(options[1]?.label).toBe('Q4 2026 (current)');
  });
});
