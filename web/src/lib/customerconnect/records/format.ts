/** How CRM values read on screen. Dates stay as the API sent them when they cannot be parsed. */
import { humanize } from './objects';

export function formatDate(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A decimal string with its currency ("12500.50 EUR" → "EUR 12,500.50"),
 * grouped by string arithmetic: money never goes through a float.
 */
export function formatMoney(amount: unknown, currency: unknown): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const text = String(amount);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return [currency, text].filter(Boolean).join(' ');
  const grouped = (match[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = match[3] ? `.${match[3].padEnd(2, '0')}` : '';
  return [currency, `${match[1]}${grouped}${decimals}`].filter(Boolean).join(' ');
}

export function label(value: unknown): string {
  return typeof value === 'string' && value ? humanize(value) : '';
}

export type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

export function statusTone(status: unknown): Tone {
  switch (status) {
    case 'won':
    case 'converted':
    case 'qualified':
      return 'success';
    case 'lost':
    case 'unqualified':
      return 'danger';
    case 'new':
      return 'accent';
    case 'contacted':
      return 'warning';
    default:
      return 'neutral';
  }
}
