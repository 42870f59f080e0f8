import { describe, expect, it } from 'vitest';
import { assertNotFuture, assertSpan, timerEnd, toWholeSecond, weekStartOf } from './time-rules';

const at = (iso: string) => new Date(iso);

describe('time rules', () => {
  it('finds the Monday of the ISO week in UTC', () => {
    expect(weekStartOf(at('2026-11-23T00:00:00Z'))).toBe('2026-11-23'); // Monday
    expect(weekStartOf(at('2026-11-29T23:59:59Z'))).toBe('2026-11-23'); // Sunday
    expect(weekStartOf(at('2026-11-30T00:00:00Z'))).toBe('2026-11-30');
    expect(weekStartOf(at('2027-01-01T12:00:00Z'))).toBe('2026-12-28'); // across the year
    expect(weekStartOf(at('2026-11-30T00:30:00+02:00'))).toBe('2026-11-23'); // still Sunday in UTC
  });

  it('truncates to whole seconds', () => {
    expect(toWholeSecond(at('2026-11-23T09:00:00.987Z')).toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('refuses spans that end first or last over a day, naming the field', () => {
    expect(() => assertSpan(at('2026-11-23T10:00:00Z'), at('2026-11-23T09:00:00Z'), 'body.endedAt')).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ field: 'body.endedAt' })] }),
    );
    expect(() => assertSpan(at('2026-11-23T10:00:00Z'), at('2026-11-24T10:00:01Z'), 'body.endedAt')).toThrow(
      /24 hours/,
    );
    expect(() =>
      assertSpan(at('2026-11-23T10:00:00Z'), at('2026-11-24T10:00:00Z'), 'body.endedAt'),
    ).not.toThrow();
  });

  it('allows a minute of clock skew, not more', () => {
    const now = at('2026-11-23T10:00:00Z');
    expect(() => assertNotFuture(at('2026-11-23T10:00:59Z'), now, 'body.startedAt')).not.toThrow();
    expect(() => assertNotFuture(at('2026-11-23T10:01:01Z'), now, 'body.startedAt')).toThrow(/future/);
  });

  it('caps a forgotten timer at 24 hours', () => {
    const start = at('2026-11-20T17:00:00Z');
    expect(timerEnd(start, at('2026-11-20T18:30:00.400Z')).toISOString()).toBe('2026-11-20T18:30:00.000Z');
    expect(timerEnd(start, at('2026-11-23T09:00:00Z')).toISOString()).toBe('2026-11-21T17:00:00.000Z');
    expect(timerEnd(start, at('2026-11-20T16:59:00Z')).toISOString()).toBe('2026-11-20T17:00:00.000Z');
  });
});
