/**
 * The accrual arithmetic, pure: what the ledger should hold for a policy, an
 * eligibility date and a day. Amounts are integer thousandths of the leave
 * type's unit (the ledger's numeric(9, 3)), so no float ever rounds a balance;
 * dates are ISO strings handled in UTC.
 *
 * Rules (docs: the report's decisions):
 * - Eligibility starts on hire date + waiting days; nothing accrues before it.
 * - Monthly: the year's entitlement is spread so that the rows up to month m
 *   sum to round(entitlement × eligible months so far / 12). A full year is
 *   then exactly the entitlement (no 25/12 rounding drift) and each month's
 *   row is the difference of two such sums. The month eligibility starts in
 *   counts by its remaining days (eligible days / days in month) when the
 *   policy prorates, in full when it does not. A month's row is due on its
 *   first day, or on the eligibility date in the month it falls in.
 * - Yearly: the whole entitlement on 1 January, or, for eligibility within the
 *   year, on that date: entitlement × remaining days of the year (the
 *   eligibility date included) / days in the year when prorating, in full
 *   otherwise.
 * - Year end: the balance at 31 December expires (an `expiry` row of minus
 *   it) and min(balance, cap) comes back as the new year's `carry_over` row;
 *   nothing happens to a balance at or below zero (a debt stays).
 * - Carried-over leave not used within N months expires on the last day of
 *   month N: carried − leave taken since 1 January, never more than the
 *   balance left.
 */

export interface PolicyTerms {
  /** The yearly entitlement as a decimal string ("25", "22.5"). */
  yearlyEntitlement: string;
  accrual: 'monthly' | 'yearly';
  prorate: boolean;
  waitingDays: number;
}

export interface DueAccrual {
  /** '2026-07' for a month, '2026' for a year: the ledger row's idempotency key. */
  period: string;
  effectiveDate: string;
  /** Thousandths of the unit, above zero. */
  amount: number;
}

const DAY_MS = 86_400_000;

/** "25.5" → 25500; at most three decimals, optional sign. */
export function toThousandths(decimal: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(decimal.trim());
  if (!match) throw new Error(`Not a decimal with at most three places: ${decimal}`);
  const [, sign, whole, fraction = ''] = match;
  const value = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  return sign === '-' && value !== 0 ? -value : value;
}

/** 25500 → "25.5", -500 → "-0.5", 0 → "0". */
export function fromThousandths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 1000);
  const fraction = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return toDate(toTime(date) + days * DAY_MS);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
}

const pad = (value: number) => String(value).padStart(2, '0');
const firstOfMonth = (year: number, month: number) => `${year}-${pad(month)}-01`;
export const lastOfMonth = (year: number, month: number) =>
  `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;

/** The day accrual may start: the hire date plus the waiting days. */
export function eligibleFrom(hireDate: string, waitingDays: number): string {
  return addDays(hireDate, waitingDays);
}

/** round(numerator / denominator), halves away from zero, for non-negative integers. */
function roundDiv(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * The monthly rows of `year` due by `today` (inclusive), for an employee
 * eligible from `eligible`. Months with nothing to accrue have no row.
 */
export function monthlyAccruals(
  terms: PolicyTerms,
  eligible: string,
  year: number,
  today: string,
): DueAccrual[] {
  const entitlement = toThousandths(terms.yearlyEntitlement);
  const eligibleYear = Number(eligible.slice(0, 4));
  const eligibleMonth = Number(eligible.slice(5, 7));
  const eligibleDay = Number(eligible.slice(8, 10));
  if (eligibleYear > year) return [];
  // The eligibility month (only when it falls in this year) may count partly:
  // its weight is partial/denominator, every later month 1.
  const startMonth = eligibleYear < year ? 1 : eligibleMonth;
  const denominator = eligibleYear < year ? 1 : daysInMonth(year, eligibleMonth);
  const partial =
    eligibleYear < year || !terms.prorate || eligibleDay === 1 ? denominator : denominator - eligibleDay + 1;
  const cumulative = (month: number) => {
    if (month < startMonth) return 0;
    const weight = partial + (month - startMonth) * denominator;
    return roundDiv(entitlement * weight, 12 * denominator);
  };
  const rows: DueAccrual[] = [];
  for (let month = startMonth; month <= 12; month++) {
    const effectiveDate =
      month === startMonth && eligibleYear === year ? eligible : firstOfMonth(year, month);
    if (effectiveDate > today) break;
    const amount = cumulative(month) - cumulative(month - 1);
    if (amount > 0) rows.push({ period: `${year}-${pad(month)}`, effectiveDate, amount });
  }
  return rows;
}

/** The yearly row of `year`, if due by `today`. */
export function yearlyAccrual(
  terms: PolicyTerms,
  eligible: string,
  year: number,
  today: string,
): DueAccrual | null {
  const entitlement = toThousandths(terms.yearlyEntitlement);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (eligible > end) return null;
  const effectiveDate = eligible > start ? eligible : start;
  if (effectiveDate > today) return null;
  const remaining = (toTime(end) - toTime(effectiveDate)) / DAY_MS + 1;
  const total = daysInYear(year);
  const amount = terms.prorate ? roundDiv(entitlement * remaining, total) : entitlement;
  return amount > 0 ? { period: String(year), effectiveDate, amount } : null;
}

/** Every accrual row of `year` due by `today`, by the policy's frequency. */
export function accrualsDue(terms: PolicyTerms, hireDate: string, year: number, today: string): DueAccrual[] {
  const eligible = eligibleFrom(hireDate, terms.waitingDays);
  if (terms.accrual === 'monthly') return monthlyAccruals(terms, eligible, year, today);
  const row = yearlyAccrual(terms, eligible, year, today);
  return row ? [row] : [];
}

/** The year end: what expires of a balance and what is carried into the next year. */
export function yearEnd(balance: number, cap: number | null): { expire: number; carry: number } {
  if (balance <= 0) return { expire: 0, carry: 0 };
  return { expire: balance, carry: cap === null ? balance : Math.min(balance, cap) };
}

/** The day carried-over leave of `year` expires (the last day of month N), or null when it never does. */
export function carryOverExpiryDate(year: number, months: number | null): string | null {
  return months === null ? null : lastOfMonth(year, months);
}

/** What of the carried-over amount expires: what the leave taken since did not use, at most the balance. */
export function carriedExpiry(carried: number, takenSince: number, balance: number): number {
  return Math.max(0, Math.min(carried - takenSince, balance));
}
