import { describe, expect, it } from 'vitest';
import { coveringDay, daysOf, monthRange, shiftMonth } from './month';

describe('month arithmetic', () => {
  it('lists the days of a month with ISO weekdays', () => {
    const days = daysOf('2026-02');
    expect(days).toHaveLength(28);
    expect(days[0]).toEqual({ date: '2026-02-01', weekday: 7 });
    expect(days[1]).toEqual({ date: '2026-02-02', weekday: 1 });
    expect(daysOf('2028-02')).toHaveLength(29);
  });

  it('moves across year ends', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-05', 0)).toBe('2026-05');
  });

  it('gives the month as a from/to range', () => {
    expect(monthRange('2026-04')).toEqual({ from: '2026-04-01', to: '2026-04-30' });
  });

  it('finds the absences covering a day, ends included', () => {
    const entries = [
      { id: 'a', start: '2026-04-01', end: '2026-04-03' },
      { id: 'b', start: '2026-04-03', end: '2026-04-03' },
      { id: 'c', start: '2026-03-28', end: '2026-04-01' },
    ];
    expect(coveringDay(entries, '2026-04-03').map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(coveringDay(entries, '2026-04-01').map((entry) => entry.id)).toEqual(['a', 'c']);
    expect(coveringDay(entries, '2026-04-04')).toEqual([]);
  });
});
