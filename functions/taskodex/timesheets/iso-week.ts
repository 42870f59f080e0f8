/**
 * ISO-8601 weeks (`2026-W48`): Monday first, week 1 holds the year's first
 * Thursday. Days are UTC days (see docs/decisions.md).
 */
const WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;
/** Weeks a timesheet can be about: from 1900 (Date.UTC reads years 0–99 as 19xx) to 9998 (9999-W52 ends in year 10000). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9998;

function mondayOfWeekOne(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const sinceMonday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - sinceMonday * DAY_MS;
}

/** 52 or 53. */
export function weeksInYear(year: number): number {
  return (mondayOfWeekOne(year + 1) - mondayOfWeekOne(year)) / (7 * DAY_MS);
}

export interface IsoWeek {
  /** `2026-W48` */
  week: string;
  /** Monday, YYYY-MM-DD */
  start: string;
  /** The seven days, Monday first, YYYY-MM-DD. */
  days: string[];
  /** [Monday 00:00 UTC, next Monday 00:00 UTC) */
  from: Date;
  to: Date;
}

/** Parses `2026-W48`; undefined when it is not a week that exists. */
export function parseIsoWeek(week: string): IsoWeek | undefined {
  const match = WEEK.exec(week);
  if (!match) return undefined;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  if (number < 1 || number > weeksInYear(year)) return undefined;
  const from = mondayOfWeekOne(year) + (number - 1) * 7 * DAY_MS;
  const days = Array.from({ length: 7 }, (_, index) =>
    new Date(from + index * DAY_MS).toISOString().slice(0, 10),
  );
  return {
    week,
    start: days[0] as string,
    days,
    from: new Date(from),
    to: new Date(from + 7 * DAY_MS),
  };
}

/** The ISO week containing `instant` (UTC). */
export function isoWeekOf(instant: Date): IsoWeek {
  const day = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const number = Math.floor((thursday - mondayOfWeekOne(year)) / (7 * DAY_MS)) + 1;
  return parseIsoWeek(`${year}-W${String(number).padStart(2, '0')}`) as IsoWeek;
}

/** The ISO week whose Monday is `weekStart` (YYYY-MM-DD). */
export function isoWeekStarting(weekStart: string): IsoWeek {
  return isoWeekOf(new Date(`${weekStart}T00:00:00Z`));
}
