import { describe, expect, it } from 'vitest';
import { calendarDate, instant } from './calendar';

describe('calendar bounds', () => {
  it('accepts dates in 1900–9998 and refuses year 0, year 9999 and malformed dates without throwing', () => {
    const date = calendarDate();

    expect(date.safeParse('1900-01-01').success).toBe(true);
    expect(date.safeParse('9998-12-31').success).toBe(true);
    for (const value of ['0000-01-01', '1899-12-31', '9999-01-01', 'garbage', '2026-02-30'])
      expect(date.safeParse(value).success).toBe(false);
  });

  it('judges an instant by its UTC year, and refuses unparsable ones with a 400, not an exception', () => {
    const moment = instant();

    expect(moment.safeParse('2026-11-23T09:00:00+02:00').success).toBe(true);
    expect(moment.safeParse('9998-12-31T23:00:00-05:00').success).toBe(false); // 9999 in UTC
    for (const value of ['garbage', '2026-13-45T99:00:00Z', '0000-01-01T00:00:00Z', ''])
      expect(() => moment.safeParse(value)).not.toThrow();
    expect(moment.safeParse('garbage').success).toBe(false);
  });
});
