/**
 * How much of an employee's working time a leave request covers. Pure: the
 * caller reads the schedule and the holidays. Counted in half days (integers)
 * so the sum is exact; a day is two halves, morning and afternoon.
 *
 * - a day outside the employee's work days counts 0;
 * - a holiday counts 0, a half-day holiday leaves one half;
 * - `startHalf`: the first day starts at noon (its afternoon only);
 *   `endHalf`: the last day ends at noon (its morning only); a single day
 *   with one of them is half a day (both on one day is refused by the API).
 */
export interface WorkingDaysInput {
  /** YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
  startHalf: boolean;
  endHalf: boolean;
  /** ISO weekdays worked: 1 = Monday … 7 = Sunday. */
  workDays: readonly number[];
  holidays: readonly { date: string; halfDay: boolean }[];
}

const DAY_MS = 86_400_000;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number (days since 1970-01-01, a Thursday). */
const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** Calendar days from start to end, inclusive (0 when end is before start). */
export function calendarDays(start: string, end: string): number {
  return Math.max(0, dayNumber(end) - dayNumber(start) + 1);
}

/** The working half days the range covers. */
export function workingHalfDays(input: WorkingDaysInput): number {
  const first = dayNumber(input.start);
  const last = dayNumber(input.end);
  const worked = new Set(input.workDays);
  const holidays = new Map(input.holidays.map((holiday) => [dayNumber(holiday.date), holiday.halfDay]));
  let halves = 0;
  for (let day = first; day <= last; day++) {
    if (!worked.has(isoWeekday(day))) continue;
    const halfHoliday = holidays.get(day);
    let open = halfHoliday === undefined ? 2 : halfHoliday ? 1 : 0;
    // A half-taken day cannot take more than the half asked for.
    const halfTaken = (day === first && input.startHalf) || (day === last && input.endHalf);
    if (halfTaken) open = Math.min(open, 1);
    halves += open;
  }
  return halves;
}

/** Half days as an exact decimal string: 3 → "1.5", 4 → "2". */
export function halvesToDays(halves: number): string {
  return `${Math.floor(halves / 2)}${halves % 2 === 1 ? '.5' : ''}`;
}

/**
 * The amount in an hours-based type: working days × hours per day, exactly
 * (hours per day has two decimals, a half day halves it), rounded half up to
 * the hundredth the ledger keeps. Integer arithmetic, never a float product.
 */
export function halvesToHours(halves: number, hoursPerDay: string): string {
  const [whole = '0', fraction = ''] = hoursPerDay.split('.');
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  // halves × hundredths / 2, in thousandths: × 5.
  const thousandths = halves * hundredths * 5;
  const roundedHundredths = Math.floor((thousandths + 5) / 10);
  return formatHundredths(roundedHundredths);
}

function formatHundredths(value: number): string {
  const whole = Math.floor(value / 100);
  const fraction = String(value % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
