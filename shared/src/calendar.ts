import * as z from 'zod';

/**
 * The years a date a user sends may fall in. The database stores far more
 * (Postgres dates run to 5874897), but nothing a business plans or tracks
 * lies before 1900 or after 9998, and the edges are where things break:
 * Postgres has no year 0, `Date.UTC` reads years 0–99 as 19xx, and ISO week
 * 9999-W52 ends in year 10000. A clear 400 beats any of those.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9998;

const RANGE_MESSAGE = `A date between ${FIRST_YEAR} and ${LAST_YEAR}.`;

function yearInRange(isoText: string): boolean {
  const year = Number(isoText.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** A calendar date, YYYY-MM-DD, within the years above. */
export function calendarDate() {
  return z.iso.date().refine((value) => /^\d{4}/.test(value) && yearInRange(value), RANGE_MESSAGE);
}

/** For field descriptions: a refinement does not show in OpenAPI, so the bound is said in words. */
export const YEARS_NOTE = `Years ${FIRST_YEAR}–${LAST_YEAR}.`;

/** An ISO-8601 date-time with `Z` or an offset, whose UTC instant falls within the years above. */
export function instant() {
  return (
    z.iso
      .datetime({ offset: true })
      // Zod runs a refinement even after the format check failed; an unparsable
      // value must answer false here, not throw from toISOString.
      .refine((value) => {
        const time = Date.parse(value);
        return Number.isFinite(time) && yearInRange(new Date(time).toISOString());
      }, RANGE_MESSAGE)
  );
}
