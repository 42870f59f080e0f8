import type { Tx } from '@halooid/shared/db/transaction';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectLocation, selectLocationByBarcode } from '../domain/locations';
import { selectByItemBarcode, selectBySku, selectLotsByNumber } from './repository';
import type { LookupMatch, LookupResult } from './schemas';

export type LookupDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * Resolves a scanned value; the first kind that matches wins, in this order:
 * an item barcode (with the unit one scan counts and its factor), an item
 * SKU, a location barcode, then serial numbers, then lot numbers (every item
 * that has one by that number: lot numbers are unique per item only).
 * Nothing matching is a 404.
 */
export async function lookupBarcode(value: string, deps: LookupDeps): Promise<LookupResult> {
  const matches = await matchesFor(deps.tx, deps.principal.tenantId, value);
  if (matches.length === 0) throw new NotFoundError('Barcode');
  return { barcode: value, matches };
}

async function matchesFor(tx: Tx, tenantId: string, code: string): Promise<LookupMatch[]> {
  const barcode = await selectByItemBarcode(tx, tenantId, code);
  if (barcode) return [{ type: 'item', ...barcode }];
  const item = await selectBySku(tx, tenantId, code);
  if (item) return [{ type: 'item', item, unit: item.unit, factor: '1' }];
  const location = await selectLocationByBarcode(tx, tenantId, code);
  if (location) return [{ type: 'location', location }];
  const lots = await selectLotsByNumber(tx, tenantId, code);
  const serials = lots.filter((found) => found.lot.kind === 'serial');
  const matches: LookupMatch[] = [];
  for (const { item: owner, lot, locationId } of serials.length > 0 ? serials : lots) {
    const where = locationId ? await selectLocation(tx, tenantId, locationId) : undefined;
    matches.push({ type: lot.kind, item: owner, lot, ...(where ? { location: where } : {}) });
  }
  return matches;
}
