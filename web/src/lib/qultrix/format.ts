import type { EmployeeStatus, EmploymentType } from './types';

/** Formatting shared by the Qultrix screens: names, labels, dates (calendar days, no time zone). */

/** Anything with an employee's name fields (a record, an org-chart node keeps its own `name`). */
interface Named {
  legalName: { given: string; family: string };
  preferredName: string | null;
}

/**
 * The name people use: the preferred name stands in for the given name (as in
 * HR tools, "Bob" for Robert), the family name stays.
 */
export function employeeName(employee: Named): string {
  const given = employee.preferredName?.trim() || employee.legalName.given;
  return `${given} ${employee.legalName.family}`.trim();
}

/** Two letters for an avatar: "Ada Lovelace" → "AL". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

export const STATUS_LABELS: Record<EmployeeStatus, string> = {
  onboarding: 'Onboarding',
  active: 'Active',
  on_leave: 'On leave',
  terminated: 'Terminated',
};

export const TYPE_LABELS: Record<EmploymentType, string> = {
  full_time: 'Full-time',
  part_time: 'Part-time',
  contractor: 'Contractor',
  intern: 'Intern',
};

export function statusTone(status: EmployeeStatus): 'success' | 'warning' | 'neutral' | 'accent' {
  if (status === 'active') return 'success';
  if (status === 'on_leave') return 'warning';
  if (status === 'onboarding') return 'accent';
  return 'neutral';
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** [1,2,3,4,5] → "Mon–Fri"; [1,3,5] → "Mon, Wed, Fri". */
export function workDaysLabel(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return '—';
  const consecutive = sorted.length > 2 && last - first === sorted.length - 1;
  if (consecutive) return `${WEEKDAYS[first - 1]}–${WEEKDAYS[last - 1]}`;
  return sorted.map((day) => WEEKDAYS[day - 1]).join(', ');
}

/** "2026-03-09" → "9 Mar 2026" in the reader's language; the day itself never shifts (UTC). */
export function dateLabel(date: string | null | undefined): string {
  if (!date) return '';
  const day = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
  if (Number.isNaN(day.getTime())) return date;
  return day.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "2026-03-09" → "9 Mar" for ranges within one year. */
export function shortDateLabel(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return day.toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** A date range as people write it: "9 Mar 2026", "9–13 Mar 2026" style via two labels. */
export function rangeLabel(start: string, end: string): string {
  if (start === end) return dateLabel(start);
  if (start.slice(0, 4) === end.slice(0, 4)) return `${shortDateLabel(start)} – ${dateLabel(end)}`;
  return `${dateLabel(start)} – ${dateLabel(end)}`;
}

/** Today as YYYY-MM-DD in the reader's own calendar (what "today" means to them). */
export function today(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * A decimal string as the API sends it ("12.500", "-3") shown without
 * trailing zeros ("12.5"): formatting only, never arithmetic on floats.
 */
export function decimalLabel(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

/** "1" → "1 day", "0.5" → "0.5 days", with the unit of the leave type. */
export function amountLabel(value: string, unit: 'days' | 'hours'): string {
  const shown = decimalLabel(value);
  const singular = shown === '1' || shown === '-1';
  return `${shown} ${unit === 'days' ? (singular ? 'day' : 'days') : singular ? 'hour' : 'hours'}`;
}

/** "85000.5000", "EUR" → "85,000.50 EUR": grouping from the string itself, display only. */
export function moneyLabel(value: string, currency: string): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = fraction.replace(/0+$/, '');
  return `${negative ? '-' : ''}${grouped}${cents ? `.${cents.padEnd(2, '0')}` : ''} ${currency}`;
}
