/**
 * a − b on the API's decimal strings, exactly: through integer thousandths
 * (balances and amounts have at most three decimals), never JS floats.
 * Returns three decimals ("4.500"); format with decimalLabel.
 */
export function subtractDecimal(a: string, b: string): string {
  const result = thousandths(a) - thousandths(b);
  const sign = result < 0n ? '-' : '';
  const absolute = result < 0n ? -result : result;
  return `${sign}${absolute / 1000n}.${String(absolute % 1000n).padStart(3, '0')}`;
}

function thousandths(value: string): bigint {
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw new Error(`Not a decimal: ${value}`);
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const magnitude = BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0').slice(0, 3));
  return value.startsWith('-') ? -magnitude : magnitude;
}
