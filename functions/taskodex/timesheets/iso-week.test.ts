import { describe, expect, it } from 'vitest';
import { isoWeekOf, isoWeekStarting, parseIsoWeek, weeksInYear } from './iso-week';

describe('ISO weeks', () => {
  it('parses a week into its Monday-first UTC days', () => {
    const week = parseIsoWeek('2026-W48');

    expect(week?.start).toBe('2026-11-23');
    expect(week?.days).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(week?.from.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(week?.to.toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('handles weeks that straddle a year and 53-week years', () => {
    expect(parseIsoWeek('2026-W01')?.start).toBe('2025-12-29');
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2027)).toBe(52);
    expect(parseIsoWeek('2026-W53')?.start).toBe('2026-12-28');
    expect(parseIsoWeek('2027-W53')).toBeUndefined();
    expect(parseIsoWeek('2026-W00')).toBeUndefined();
    expect(parseIsoWeek('2026-48')).toBeUndefined();
  });

  it('finds the week of an instant and of a Monday', () => {
    expect(isoWeekOf(new Date('2026-11-29T23:59:59Z')).week).toBe('2026-W48');
    expect(isoWeekOf(new Date('2027-01-01T00:00:00Z')).week).toBe('2026-W53');
    expect(isoWeekOf(new Date('2025-12-29T08:00:00Z')).week).toBe('2026-W01');
    expect(isoWeekStarting('2026-11-23').week).toBe('2026-W48');
  });

  it('turns over at Monday 00:00 UTC exactly, whatever the offset an instant is written with', () => {
    expect(isoWeekOf(new Date('2026-11-29T23:59:59.999Z')).week).toBe('2026-W48');
    expect(isoWeekOf(new Date('2026-11-30T00:00:00.000Z')).week).toBe('2026-W49');
    // Monday 00:59 in Berlin is still Sunday in UTC.
    expect(isoWeekOf(new Date('2026-11-30T00:59:59+01:00')).week).toBe('2026-W48');
    // The year's last Sunday and the next Monday, across a year boundary (2026 has 53 weeks).
    expect(isoWeekOf(new Date('2027-01-03T23:59:59.999Z')).week).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-04T00:00:00.000Z')).week).toBe('2027-W01');
  });

  it('refuses weeks outside 1900–9998: Date.UTC reads years 0–99 as 19xx, and 9999-W52 ends in year 10000', () => {
    expect(parseIsoWeek('0050-W10')).toBeUndefined();
    expect(parseIsoWeek('9999-W52')).toBeUndefined();
    expect(parseIsoWeek('1900-W01')?.start).toBe('1900-01-01');
  });
});
