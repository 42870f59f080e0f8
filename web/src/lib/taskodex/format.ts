/** Formatting for Taskodex screens: durations, ISO weeks and dates (UTC days, as the API counts them). */

/** 3725 → "1:02" (hours:minutes), for grids and totals. */
export function hoursMinutes(seconds: number): string {
  const minutes = Math.round(Math.max(0, seconds) / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 3725 → "1:02:05", for a running timer. */
export function clock(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** 5400 → "1.5 h". */
export function hoursLabel(seconds: number): string {
  const hours = Math.round((seconds / 3600) * 100) / 100;
  return `${hours} h`;
}

/**
 * Parses what people type into a timesheet cell: "1:30", "1.5", "1,5",
 * "90m", "2h" → seconds; empty → 0; anything else → undefined.
 */
export function parseDuration(input: string): number | undefined {
  const text = input.trim().toLowerCase();
  if (!text) return 0;
  let match = /^(\d{1,2}):([0-5]\d)$/.exec(text);
  if (match) return Number(match[1]) * 3600 + Number(match[2]) * 60;
  match = /^(\d+(?:[.,]\d+)?)\s*h?$/.exec(text);
  if (match) return Math.round(Number(match[1]?.replace(',', '.')) * 3600);
  match = /^(\d+)\s*m$/.exec(text);
  if (match) return Number(match[1]) * 60;
  return undefined;
}

/** The ISO week of a date (UTC), e.g. "2026-W48". */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday decides the year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Monday (UTC) of an ISO week. */
export function weekStart(week: string): Date {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error(`Not an ISO week: ${week}`);
  const jan4 = new Date(Date.UTC(Number(match[1]), 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (Number(match[2]) - 1) * 7);
  return monday;
}

export function shiftWeek(week: string, by: number): string {
  const monday = weekStart(week);
  monday.setUTCDate(monday.getUTCDate() + by * 7);
  return isoWeek(monday);
}

/** "2026-11-23" → "Mon 23". */
export function dayLabel(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  return day.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** "2026-11-23" → "23 Nov 2026" in the user's locale. */
export function dateLabel(date: string | null | undefined): string {
  if (!date) return '';
  const day = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
  return day.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return `${days} d ago`;
  return dateLabel(iso);
}

/** YYYY-MM-DD of a Date in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** True when a due date (YYYY-MM-DD) is before today. */
export function isOverdue(due: string | null, today = isoDate(new Date())): boolean {
  return due !== null && due < today;
}
