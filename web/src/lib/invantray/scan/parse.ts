/**
 * What a scan is, without the browser: the code a scanner typed, cleaned, and
 * which of the lookup's matches a screen can use.
 *
 * Keyboard-wedge scanners type the code and press Enter; some prefix an AIM
 * symbology identifier (`]C1` for GS1-128, `]Q1` for QR…), some send control
 * characters (the GS separator of GS1) or stray whitespace. Barcodes are at most
 * 128 characters in Invantray (the `barcodes` table and location barcodes).
 */
export const MAX_CODE_LENGTH = 128;

export type ScanKind = 'item' | 'serial' | 'lot' | 'location';

export interface ScanItem {
  id: string;
  sku: string;
  name: string;
  unit: string;
  tracking?: 'none' | 'lot' | 'serial';
}

export interface ScanLocation {
  id: string;
  code: string;
  name?: string | null;
  warehouseId: string;
  warehouseCode?: string;
  path?: string[];
  barcode?: string;
}

export interface ScanLot {
  id: string;
  number: string;
  kind: 'lot' | 'serial';
}

/** One answer of `GET /v1/invantray/lookup?barcode=`. */
export interface ScanMatch {
  type: ScanKind;
  item?: ScanItem;
  lot?: ScanLot;
  location?: ScanLocation;
  /** The unit the barcode stands for (a carton's barcode), and its factor to the base unit. */
  unit?: string;
  factor?: string;
}

export interface ScanResult {
  code: string;
  matches: ScanMatch[];
  /** The first match the screen accepts; undefined when none does. */
  match?: ScanMatch;
}

const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: scanners send control characters; they are what this removes
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** The code a scanner (or a person) typed: trimmed, without an AIM prefix or control characters. */
export function normalizeScan(raw: string): string {
  return raw.trim().replace(AIM_PREFIX, '').replace(CONTROL, '').trim().slice(0, MAX_CODE_LENGTH);
}

/** The first match of an accepted kind, in the lookup's order (item barcode before SKU before location…). */
export function pickMatch(matches: readonly ScanMatch[], accept: readonly ScanKind[]): ScanMatch | undefined {
  return matches.find((match) => accept.includes(match.type));
}

/** How many base units one scan of this code stands for: a carton's barcode counts its factor. */
export function scanQuantity(match: ScanMatch | undefined): string {
  const factor = match?.factor;
  return factor && /^\d+(\.\d+)?$/.test(factor) && Number(factor) > 0 ? trimZeros(factor) : '1';
}

function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/** A short sentence for the scan field's live status ("Item WID-1 · Widget"). */
export function describeMatch(match: ScanMatch): string {
  const item = match.item ? `${match.item.sku} · ${match.item.name}` : '';
  switch (match.type) {
    case 'item':
      return `Item ${item}${match.unit && match.unit !== match.item?.unit ? ` (${match.unit})` : ''}`;
    case 'serial':
      return `Serial ${match.lot?.number ?? ''} of ${item}`;
    case 'lot':
      return `Lot ${match.lot?.number ?? ''} of ${item}`;
    case 'location': {
      const path = match.location?.path?.join(' / ') ?? match.location?.code ?? '';
      return `Location ${match.location?.warehouseCode ? `${match.location.warehouseCode} · ` : ''}${path}`;
    }
  }
}

/** What the scan field says when the code resolved to nothing the screen can use. */
export function describeMiss(result: ScanResult, accept: readonly ScanKind[]): string {
  if (result.matches.length === 0) return `Nothing has the code ${result.code}.`;
  const kinds = [...new Set(result.matches.map((match) => match.type))].join(' or ');
  const wanted = accept.join(' or ');
  return `${result.code} is ${article(kinds)} ${kinds}; here ${article(wanted)} ${wanted} is expected.`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
