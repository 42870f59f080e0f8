import * as z from 'zod';

/**
 * Exact decimals at the API edge: money, quantities and prices travel as
 * strings ("1250.50") and are computed in SQL `numeric`, never as floats
 * (docs/decisions.md "Money and quantities are decimal strings"). These are
 * the request schemas and the one formatting rule every product shares.
 */

/** Codes Node knows as ISO 4217 currencies (the pattern alone would let `ABC` through). */
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export const CurrencyInput = z
  .string()
  .max(3)
  .regex(CURRENCY_PATTERN, 'An ISO 4217 code such as EUR.')
  .refine((code) => KNOWN_CURRENCIES.has(code), 'Not an ISO 4217 currency code.')
  .meta({ description: 'ISO 4217 code, such as EUR.' });

export interface DecimalShape {
  /** Digits before the point at most (the column's precision minus its scale). */
  whole: number;
  /** Digits after the point at most (the column's scale). */
  places: number;
  /** Whether zero is allowed (quantities moved are positive; prices may be 0). */
  zero: boolean;
  description: string;
}

/** A non-negative decimal string that fits a `numeric(whole + places, places)` column exactly. */
export function decimalInput(shape: DecimalShape) {
  const pattern = new RegExp(`^\\d{1,${shape.whole}}(\\.\\d{1,${shape.places}})?$`);
  const example =
    shape.places > 0 ? `such as "12.${'5'.padEnd(Math.min(shape.places, 2), '0')}"` : 'such as "12"';
  const schema = z
    .string()
    .max(shape.whole + shape.places + 1)
    .regex(pattern, `A decimal as a string with at most ${shape.places} places, ${example}.`);
  return (
    shape.zero ? schema : schema.refine((value) => /[1-9]/.test(value), 'Must be greater than zero.')
  ).meta({
    description: shape.description,
  });
}

/**
 * A numeric's text without trailing zeros ("12.5000" → "12.5", "3.0000" → "3"),
 * or with at least `minPlaces` (money: 2 → "1000.00"): exact, by string work only.
 */
export function trimDecimal(value: string, minPlaces = 0): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const kept = fraction.replace(/0+$/, '').padEnd(minPlaces, '0');
  const text = kept ? `${whole}.${kept}` : whole;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}
