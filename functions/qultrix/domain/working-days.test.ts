import { describe, expect, it } from 'vitest';
import { calendarDays, halvesToDays, halvesToHours, workingHalfDays } from './working-days';

const WEEKDAYS = [1, 2, 3, 4, 5];
const range = (start: string, end: string, extra: Partial<Parameters<typeof workingHalfDays>[0]> = {}) =>
  workingHalfDays({
    start,
    end,
    startHalf: false,
    endHalf: false,
    workDays: WEEKDAYS,
    holidays: [],
    ...extra,
  });

describe('working days', () => {
  it('counts Monday to Friday as 5 days and skips the weekend', () => {
    // 2026-03-02 is a Monday.
    expect(range('2026-03-02', '2026-03-06')).toBe(10);
    expect(range('2026-03-06', '2026-03-09')).toBe(4); // Fri + Mon
    expect(range('2026-03-07', '2026-03-08')).toBe(0); // the weekend alone
  });

  it('skips a holiday and counts half of a half-day holiday', () => {
    const holidays = [
      { date: '2026-03-04', halfDay: false },
      { date: '2026-03-05', halfDay: true },
    ];

    expect(range('2026-03-02', '2026-03-06', { holidays })).toBe(7);
  });

  it('takes half of the first or last day, and a single day with a half flag is half a day', () => {
    expect(range('2026-03-02', '2026-03-04', { startHalf: true })).toBe(5);
    expect(range('2026-03-02', '2026-03-04', { startHalf: true, endHalf: true })).toBe(4);
    expect(range('2026-03-02', '2026-03-02', { endHalf: true })).toBe(1);
    expect(range('2026-03-02', '2026-03-02', { startHalf: true })).toBe(1);
  });

  it('a half day on a half-day holiday is half a day, not less or more', () => {
    expect(
      range('2026-03-05', '2026-03-05', {
        startHalf: true,
        holidays: [{ date: '2026-03-05', halfDay: true }],
      }),
    ).toBe(1);
  });

  it("follows the employee's own work days", () => {
    // Works Tuesday to Saturday.
    expect(range('2026-03-02', '2026-03-08', { workDays: [2, 3, 4, 5, 6] })).toBe(10);
    expect(range('2026-03-01', '2026-03-01', { workDays: [7] })).toBe(2);
  });

  it('formats halves and hours exactly', () => {
    expect(halvesToDays(0)).toBe('0');
    expect(halvesToDays(3)).toBe('1.5');
    expect(halvesToDays(10)).toBe('5');
    expect(halvesToHours(3, '8')).toBe('12');
    expect(halvesToHours(1, '7.5')).toBe('3.75');
    expect(halvesToHours(1, '7.25')).toBe('3.63');
    expect(halvesToHours(4, '7.25')).toBe('14.5');
  });

  it('counts calendar days inclusively', () => {
    expect(calendarDays('2026-01-01', '2026-01-01')).toBe(1);
    expect(calendarDays('2026-01-01', '2026-04-03')).toBe(93);
    expect(calendarDays('2026-02-01', '2026-01-01')).toBe(0);
  });
});
