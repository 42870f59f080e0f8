import { ApiError } from '$lib/api';
import { invGet } from '../http';
import { normalizeScan, pickMatch, type ScanKind, type ScanMatch, type ScanResult } from './parse';

/**
 * Resolves a scanned code through `GET /v1/invantray/lookup?barcode=`: an item
 * barcode, SKU, location barcode, serial or lot number. Nothing found (404) is an
 * answer, not a failure: `matches` is empty. Other failures throw (ApiError).
 */
export async function lookupCode(raw: string, accept: readonly ScanKind[]): Promise<ScanResult> {
  const code = normalizeScan(raw);
  if (!code) return { code, matches: [] };
  let matches: ScanMatch[];
  try {
    matches = (await invGet<{ matches: ScanMatch[] }>('/lookup', { barcode: code })).matches;
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) matches = [];
    else throw failure;
  }
  const match = pickMatch(matches, accept);
  return { code, matches, ...(match ? { match } : {}) };
}
