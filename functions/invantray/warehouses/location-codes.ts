import { BusinessRuleError } from '@halooid/shared/errors';

/** The most locations one range creates: a rack's bins, not a whole warehouse by accident. */
export const MAX_RANGE = 200;

/**
 * The codes of a range shortcut: `A-01`..`A-20` → A-01, A-02 … A-20. Both
 * ends share the prefix before their trailing digits; the width of `from`'s
 * number is kept (zero-padded), so labels sort and read alike.
 */
export function expandRange(from: string, to: string): string[] {
  const start = /^(.*?)(\d+)$/.exec(from);
  const end = /^(.*?)(\d+)$/.exec(to);
  if (!start || !end || start[1]?.toLowerCase() !== end[1]?.toLowerCase()) {
    throw new BusinessRuleError(
      'invalid_range',
      'A range runs between two codes with the same prefix and a number at the end, such as A-01 and A-20.',
    );
  }
  const prefix = start[1] ?? '';
  const digits = start[2] ?? '';
  const first = Number(digits);
  const last = Number(end[2]);
  if (last < first) throw new BusinessRuleError('invalid_range', 'A range must not run backwards.');
  if (last - first + 1 > MAX_RANGE)
    throw new BusinessRuleError('invalid_range', `A range creates at most ${MAX_RANGE} locations.`);
  const codes: string[] = [];
  for (let n = first; n <= last; n++) codes.push(`${prefix}${String(n).padStart(digits.length, '0')}`);
  return codes;
}

/** The barcode a location gets unless one is given: `WH1-A-03-B2` (warehouse code, then the path of codes). */
export function defaultBarcode(warehouseCode: string, path: readonly string[]): string {
  return [warehouseCode, ...path].join('-');
}
