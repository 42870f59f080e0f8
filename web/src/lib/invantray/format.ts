/**
 * Showing Invantray's decimal strings: quantities without trailing zeros
 * ("12.5000" → "12.5"), money with the currency. No arithmetic here: sums and
 * products come from the API (numeric in SQL).
 */
export function formatQuantity(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  const [whole = '0', fraction = ''] = value.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return trimmed ? `${grouped}.${trimmed}` : grouped;
}

/** A money amount with two places at least (a cost may carry up to six). */
export function formatMoney(value: string | null | undefined, currency?: string | null): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  const [whole = '0', fraction = ''] = value.split('.');
  const kept = fraction.replace(/0+$/, '').padEnd(2, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}.${kept}${currency ? ` ${currency}` : ''}`;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** `partially_received` → "Partially received". */
export function label(value: string | null | undefined): string {
  if (!value) return '';
  const text = value.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A signed variance with its sign shown ("+2", "−1.5"). */
export function formatVariance(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value.startsWith('-')) return `−${formatQuantity(value.slice(1))}`;
  return /^0(\.0+)?$/.test(value) ? '0' : `+${formatQuantity(value)}`;
}

/** Whether a decimal string is below zero (a shortfall to show in red). */
export function isNegative(value: string | null | undefined): boolean {
  return Boolean(value?.startsWith('-') && !/^-0(\.0+)?$/.test(value));
}
