/**
 * Exact arithmetic on the API's decimal strings, for the little the screens
 * must work out before they ask the server (what is left to receive on a
 * line, one more unit per scan, a column's total on the optimistic board).
 * Scaled BigInts, never floats: "0.1" + "0.2" is "0.3". Sums that matter
 * (totals, values) still come from the API.
 */
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A quantity or price as people type it: digits, an optional point and up to `places` decimals. */
export function isDecimal(value: string, places = 4): boolean {
  return new RegExp(`^\\d{1,12}(\\.\\d{1,${places}})?$`).test(value.trim());
}

function parse(value: string): { units: bigint; scale: number } {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`Not a decimal: ${value}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}` || '0');
  return { units: sign ? -units : units, scale: fraction.length };
}

function align(a: string, b: string): [bigint, bigint, number] {
  const left = parse(a);
  const right = parse(b);
  const scale = Math.max(left.scale, right.scale);
  return [
    left.units * 10n ** BigInt(scale - left.scale),
    right.units * 10n ** BigInt(scale - right.scale),
    scale,
  ];
}

function format(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale ? digits.slice(-scale).replace(/0+$/, '') : '';
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

export function addDecimals(a: string, b: string): string {
  const [left, right, scale] = align(a, b);
  return format(left + right, scale);
}

export function subtractDecimals(a: string, b: string): string {
  const [left, right, scale] = align(a, b);
  return format(left - right, scale);
}

export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const [left, right] = align(a, b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The larger of zero and `a − b` (what is still to come when more arrived than ordered). */
export function remainingOf(a: string, b: string): string {
  const left = subtractDecimals(a, b);
  return left.startsWith('-') ? '0' : left;
}

export function isZero(value: string): boolean {
  return compareDecimals(value, '0') === 0;
}

/**
 * A decimal's text without trailing zeros ("12.5000" → "12.5", "3.0000" → "3"),
 * or with at least `minPlaces` (money: 2 → "1000.00"); for values put back
 * into fields and amounts shown as the API writes them.
 */
export function trimDecimal(value: string, minPlaces = 0): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const kept = fraction.replace(/0+$/, '').padEnd(minPlaces, '0');
  const text = kept ? `${whole}.${kept}` : whole;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}
