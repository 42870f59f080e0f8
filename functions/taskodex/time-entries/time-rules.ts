import { ValidationError } from '@halooid/shared/errors';
import { MAX_ENTRY_SECONDS } from '../domain/time-entry-schemas';

/**
 * Pure time rules shared by timers, manual logs, edits and timesheets. Times
 * are whole seconds (so a duration is an exact integer) and days are UTC days.
 */

/** How far ahead of the server's clock a start may be (clients' clocks drift). */
export const CLOCK_SKEW_MS = 60_000;

export function toWholeSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** Monday (UTC) of the ISO week containing `instant`, as YYYY-MM-DD. */
export function weekStartOf(instant: Date): string {
  const day = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday);
  return day.toISOString().slice(0, 10);
}

/** A start must not lie in the future (beyond clock skew). */
export function assertNotFuture(start: Date, now: Date, field: string): void {
  if (start.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new ValidationError('Time cannot be tracked in the future.', [
      { field, message: 'Must not be in the future.', code: 'future_time' },
    ]);
}

/** End after start, at most 24 hours later; the error names `field`. */
export function assertSpan(start: Date, end: Date, field: string): void {
  const seconds = (end.getTime() - start.getTime()) / 1000;
  if (seconds <= 0)
    throw new ValidationError('The end must be after the start.', [
      { field, message: 'Must be after the start.', code: 'end_before_start' },
    ]);
  if (seconds > MAX_ENTRY_SECONDS)
    throw new ValidationError('An entry lasts at most 24 hours.', [
      { field, message: 'At most 24 hours after the start.', code: 'entry_too_long' },
    ]);
}

/**
 * Where a stopped timer ends: now, but never more than 24 hours after its
 * start (a timer forgotten over a weekend is capped, not refused, so it can
 * always be stopped) and never before it.
 */
export function timerEnd(start: Date, now: Date): Date {
  const capped = Math.min(now.getTime(), start.getTime() + MAX_ENTRY_SECONDS * 1000);
  return toWholeSecond(new Date(Math.max(capped, start.getTime())));
}
