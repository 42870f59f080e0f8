/**
 * Money on CRM screens. Amounts arrive as decimal strings with an ISO 4217
 * currency and are never turned into JS floats: sums for the optimistic board
 * are exact decimal arithmetic ($lib/decimal), and Intl formats the string itself.
 */
import { addDecimals, compareDecimals, subtractDecimals, trimDecimal } from '$lib/decimal';

const DECIMAL = /^-?\d+(\.\d{1,2})?$/;

/** True for what the API accepts as an amount: digits with at most two decimals. */
export function isAmount(text: string): boolean {
  return DECIMAL.test(text.trim()) && !text.trim().startsWith('-');
}

/** An amount the board may add: digits with at most two decimals (anything else is a bug upstream). */
function checked(amount: string): string {
  const text = amount.trim();
  if (!DECIMAL.test(text)) throw new RangeError(`Not a decimal amount: ${amount}`);
  return text;
}

/** "1000.10" + "0.9" → "1001.00", exactly. */
export function addAmounts(a: string, b: string): string {
  return trimDecimal(addDecimals(checked(a), checked(b)), 2);
}

/** "1000.10" − "0.9" → "999.20", exactly. */
export function subtractAmounts(a: string, b: string): string {
  return trimDecimal(subtractDecimals(checked(a), checked(b)), 2);
}

/** Compares two decimal strings: negative, zero or positive. */
export function compareAmounts(a: string, b: string): number {
  return compareDecimals(checked(a), checked(b));
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * "1234.5", "EUR" → "€1,234.50". Intl formats the decimal string as written
 * (no rounding through a float); `compact` shortens large column totals.
 */
export function formatMoney(amount: string, currency: string, options: { compact?: boolean } = {}): string {
  const key = `${currency}:${options.compact ? 'c' : ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        ...(options.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
      });
    } catch {
      return `${amount} ${currency}`;
    }
    formatters.set(key, formatter);
  }
  // Intl.NumberFormat takes a decimal string exactly (ES2023); the cast keeps older lib typings quiet.
  return formatter.format(amount as unknown as number);
}

/** A probability from the API ("33.33") as "33.33 %" without trailing zeros ("50.00" → "50 %"). */
export function formatPercent(probability: string | number): string {
  const text = String(probability);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return `${trimmed} %`;
}

/** Totals per currency, as columns and forecast rows carry them. */
export interface CurrencyTotal {
  currency: string;
  total: string;
}

/** Adds (or with sign −1 removes) one amount to a list of per-currency totals, keeping the order. */
export function adjustTotals(
  totals: readonly CurrencyTotal[],
  amount: string | null | undefined,
  currency: string | null | undefined,
  sign: 1 | -1,
): CurrencyTotal[] {
  if (!amount || !currency) return totals.map((item) => ({ ...item }));
  const next = totals.map((item) => ({ ...item }));
  const existing = next.find((item) => item.currency === currency);
  if (existing) {
    existing.total =
      sign === 1 ? addAmounts(existing.total, amount) : subtractAmounts(existing.total, amount);
  } else if (sign === 1) {
    next.push({ currency, total: addAmounts('0', amount) });
  }
  // A currency the column no longer holds leaves its totals.
  return next.filter(
    (item) => sign === 1 || item.currency !== currency || compareAmounts(item.total, '0') !== 0,
  );
}
