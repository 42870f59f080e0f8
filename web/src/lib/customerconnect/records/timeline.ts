/**
 * The timeline's entries as the API sends them
 * (GET /v1/customerconnect/timelines/{recordType}/{recordId}) and how each
 * reads: activities, field changes (created/updated/merged/converted) and
 * stage moves, newest first.
 */
import type { JsonOf, paths } from '$lib/api';

export type TimelineEntry = JsonOf<
  paths['/v1/customerconnect/timelines/{recordType}/{recordId}']['get']['responses']['200']
>['items'][number];
export type Activity = Extract<TimelineEntry, { kind: 'activity' }>['activity'];

export const ACTIVITY_LABELS: Record<Activity['type'], string> = {
  note: 'Note',
  call: 'Call',
  meeting: 'Meeting',
  email: 'Email',
  task: 'Task',
};

/** "title", "custom.tier" → "Title", "Tier" (custom keys through their labels when known). */
export function fieldLabel(field: string, customLabels: Record<string, string> = {}): string {
  if (field.startsWith('custom.')) return customLabels[field.slice(7)] ?? field.slice(7);
  const words = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function changeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return (
      value
        .map((item) =>
          item && typeof item === 'object'
            ? ((item as { email?: string; number?: string }).email ??
              (item as { number?: string }).number ??
              JSON.stringify(item))
            : String(item),
        )
        .join(', ') || '—'
    );
  if (typeof value === 'object') {
    const money = value as { amount?: string; currency?: string };
    if (money.amount) return [money.amount, money.currency].filter(Boolean).join(' ');
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** 93784 s → "1 d 2 h" (the two largest units). */
export function duration(seconds: number | null): string {
  if (seconds === null || seconds < 0) return '';
  const units: [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
  ];
  const parts: string[] = [];
  let rest = Math.floor(seconds);
  for (const [size, unit] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.length ? parts.join(' ') : `${rest} s`;
}
