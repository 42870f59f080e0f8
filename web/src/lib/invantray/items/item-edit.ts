import type { ItemDetail } from '../types';
import { barcodesText, parseBarcodes, parseUnits, unitsText } from './item-form';

/**
 * The item page's inline edit: the draft as text fields, the PATCH of what
 * changed, and — after a 409 — which of my edits the latest version differs on,
 * so they can be kept and compared instead of lost.
 */
export interface ItemDraft {
  sku: string;
  name: string;
  description: string;
  categoryId: string;
  unit: string;
  tracking: string;
  barcodes: string;
  units: string;
  active: boolean;
}

export function draftOf(item: ItemDetail): ItemDraft {
  return {
    sku: item.sku,
    name: item.name,
    description: item.description ?? '',
    categoryId: item.categoryId ?? '',
    unit: item.unit,
    tracking: item.tracking,
    barcodes: barcodesText(item.barcodes),
    units: unitsText(item.units),
    active: item.active,
  };
}

/** The PATCH body: only the fields that differ from `item`, with its version. */
export function patchOf(item: ItemDetail, draft: ItemDraft): Record<string, unknown> {
  const before = draftOf(item);
  const body: Record<string, unknown> = { version: item.version };
  if (draft.sku.trim() !== before.sku) body.sku = draft.sku.trim();
  if (draft.name.trim() !== before.name) body.name = draft.name.trim();
  if (draft.description.trim() !== before.description) body.description = draft.description.trim() || null;
  if (draft.categoryId !== before.categoryId) body.categoryId = draft.categoryId || null;
  if (draft.unit.trim() !== before.unit) body.unit = draft.unit.trim();
  if (draft.tracking !== before.tracking) body.tracking = draft.tracking;
  if (draft.barcodes.trim() !== before.barcodes) body.barcodes = parseBarcodes(draft.barcodes);
  if (draft.units.trim() !== before.units) body.units = parseUnits(draft.units).units;
  if (draft.active !== before.active) body.active = draft.active;
  return body;
}

/** The fields where the latest version differs from what I typed (shown beside them after a 409). */
export function conflicts(latest: ItemDetail, draft: ItemDraft): Partial<Record<keyof ItemDraft, string>> {
  const theirs = draftOf(latest);
  const out: Partial<Record<keyof ItemDraft, string>> = {};
  for (const key of Object.keys(theirs) as (keyof ItemDraft)[]) {
    const mine = typeof draft[key] === 'string' ? (draft[key] as string).trim() : draft[key];
    if (mine !== theirs[key]) out[key] = String(theirs[key]);
  }
  return out;
}
