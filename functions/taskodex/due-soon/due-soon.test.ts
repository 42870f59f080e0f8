import { describe, expect, it } from 'vitest';
import { tomorrowOf } from './due-soon';

describe('tomorrowOf', () => {
  it('is the next UTC calendar day, right up to the last instant before midnight', () => {
    expect(tomorrowOf(new Date('2026-11-26T00:00:00.000Z'))).toBe('2026-11-27');
    expect(tomorrowOf(new Date('2026-11-26T23:59:59.999Z'))).toBe('2026-11-27');
    expect(tomorrowOf(new Date('2026-11-27T00:00:00.000Z'))).toBe('2026-11-28');
  });

  it('crosses month and year ends and leap days', () => {
    expect(tomorrowOf(new Date('2026-11-30T23:59:59Z'))).toBe('2026-12-01');
    expect(tomorrowOf(new Date('2026-12-31T23:59:59Z'))).toBe('2027-01-01');
    expect(tomorrowOf(new Date('2028-02-28T12:00:00Z'))).toBe('2028-02-29');
  });

  it('counts in UTC whatever the offset the instant was written with', () => {
    // 00:30 on the 27th in Berlin is still the 26th in UTC.
    expect(tomorrowOf(new Date('2026-11-27T00:30:00+01:00'))).toBe('2026-11-27');
    // A European DST night: the day after is the next UTC day, not 23 or 25 hours on.
    expect(tomorrowOf(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-26');
  });
});
