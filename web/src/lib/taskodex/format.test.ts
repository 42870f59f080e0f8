import { describe, expect, it } from 'vitest';
import { clock, hoursMinutes, isoWeek, parseDuration, shiftWeek, weekStart } from './format';

describe('durations', () => {
  it('formats seconds as h:mm and as a running clock', () => {
    expect(hoursMinutes(0)).toBe('0:00');
    expect(hoursMinutes(5400)).toBe('1:30');
    expect(clock(3725)).toBe('1:02:05');
  });

  it('reads what people type into a timesheet cell', () => {
    expect(parseDuration('1:30')).toBe(5400);
    expect(parseDuration('1.5')).toBe(5400);
    expect(parseDuration('1,25')).toBe(4500);
    expect(parseDuration('2h')).toBe(7200);
    expect(parseDuration('45m')).toBe(2700);
    expect(parseDuration('')).toBe(0);
    expect(parseDuration('lots')).toBeUndefined();
  });
});

describe('ISO weeks', () => {
  it('names the week of a date, with the Thursday deciding the year', () => {
    expect(isoWeek(new Date('2026-11-25T12:00:00Z'))).toBe('2026-W48');
    expect(isoWeek(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
  });

  it('finds the Monday and steps across year ends', () => {
    expect(weekStart('2026-W48').toISOString().slice(0, 10)).toBe('2026-11-23');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2027-W01', -1)).toBe('2026-W53');
  });
});
