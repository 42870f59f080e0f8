/**
 * The team calendar's month arithmetic on calendar days (YYYY-MM-DD), done in
 * UTC so a day never shifts with the reader's time zone.
 */

export interface MonthDay {
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const day = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (value: Date) => value.toISOString().slice(0, 10);

/** "2026-12-06" → "2026-12". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** "2026-12" moved by `by` months: ("2026-12", 1) → "2027-01". */
export function shiftMonth(month: string, by: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const moved = new Date(Date.UTC(year, index - 1 + by, 1));
  return iso(moved).slice(0, 7);
}

/** Every day of a month with its weekday. */
export function daysOf(month: string): MonthDay[] {
  const first = day(`${month}-01`);
  const days: MonthDay[] = [];
  for (const cursor = new Date(first); cursor.getUTCMonth() === first.getUTCMonth(); ) {
    days.push({ date: iso(cursor), weekday: cursor.getUTCDay() || 7 });
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}

/** The first and last day of a month: the calendar query's from and to. */
export function monthRange(month: string): { from: string; to: string } {
  const days = daysOf(month);
  return { from: days[0]?.date ?? `${month}-01`, to: days.at(-1)?.date ?? `${month}-01` };
}

/** "2026-12" → "December 2026" in the reader's language. */
export function monthLabel(month: string): string {
  return day(`${month}-01`).toLocaleDateString(undefined, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Entries (with inclusive start and end days) that cover `date`. */
export function coveringDay<T extends { start: string; end: string }>(
  entries: readonly T[],
  date: string,
): T[] {
  return entries.filter((entry) => entry.start <= date && date <= entry.end);
}
