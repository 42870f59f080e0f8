/**
 * The three-way match of a supplier invoice line against its order line and
 * what was received: the quantity matches when everything invoiced for the
 * line so far is at most what was received (plus the tenant's quantity
 * tolerance), the price when the invoiced price is within the price tolerance
 * of the ordered price, either way (a price below the order is a difference
 * to look at too). Exact: decimal strings are compared as scaled BigInts,
 * never as floats.
 */
export type MatchStatus = 'matched' | 'quantity_mismatch' | 'price_mismatch' | 'mismatch';

export interface MatchFacts {
  /** Received so far, in base units. */
  received: string;
  /** Invoiced for the line on every invoice so far, in base units. */
  invoiced: string;
  orderedPrice: string;
  invoicedPrice: string;
}

export interface MatchTolerances {
  /** Percent ("0", "2.5"). */
  quantityPercent: string;
  pricePercent: string;
}

/** Places every input fits in: quantities carry 4, prices 6, percentages 2. */
const PLACES = 8;
const ONE = 10n ** BigInt(PLACES);
const HUNDRED = 100n * ONE;

/** A non-negative decimal string as an integer count of 10^-PLACES. */
export function scaled(value: string): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new Error(`Not a decimal: ${value}`);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > PLACES) throw new Error(`More than ${PLACES} places: ${value}`);
  return BigInt(match[1] ?? '0') * ONE + BigInt(fraction.padEnd(PLACES, '0') || '0');
}

/** invoiced ≤ received × (100 + tolerance) / 100, multiplied out so nothing is divided. */
export function quantityMatches(received: string, invoiced: string, tolerancePercent: string): boolean {
  return scaled(invoiced) * HUNDRED <= scaled(received) * (HUNDRED + scaled(tolerancePercent));
}

/** |invoiced − ordered| ≤ ordered × tolerance / 100, multiplied out. */
export function priceMatches(orderedPrice: string, invoicedPrice: string, tolerancePercent: string): boolean {
  const ordered = scaled(orderedPrice);
  const difference = scaled(invoicedPrice) - ordered;
  const absolute = difference < 0n ? -difference : difference;
  return absolute * HUNDRED <= ordered * scaled(tolerancePercent);
}

export function matchLine(facts: MatchFacts, tolerances: MatchTolerances): MatchStatus {
  const quantityOk = quantityMatches(facts.received, facts.invoiced, tolerances.quantityPercent);
  const priceOk = priceMatches(facts.orderedPrice, facts.invoicedPrice, tolerances.pricePercent);
  if (quantityOk && priceOk) return 'matched';
  if (priceOk) return 'quantity_mismatch';
  if (quantityOk) return 'price_mismatch';
  return 'mismatch';
}

/** Several lines (or invoices) as one: matched only when all are; both kinds of difference make `mismatch`. */
export function combineMatches(statuses: readonly MatchStatus[]): MatchStatus {
  const quantity = statuses.some((status) => status === 'quantity_mismatch' || status === 'mismatch');
  const price = statuses.some((status) => status === 'price_mismatch' || status === 'mismatch');
  if (quantity && price) return 'mismatch';
  if (quantity) return 'quantity_mismatch';
  if (price) return 'price_mismatch';
  return 'matched';
}
