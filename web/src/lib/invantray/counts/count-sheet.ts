import type { CountLine } from '../types';

/**
 * The blind count sheet without the browser: which line a scan points at, and
 * what is sent. A counted value is kept per line id until saved; an item found
 * where the snapshot had none is a new entry (item × location × lot).
 */
export interface FoundEntry {
  key: string;
  itemId: string;
  sku: string;
  itemName: string;
  stockLocationId: string;
  locationCode: string;
  lotNumber: string;
  counted: string;
}

const DECIMAL = /^\d{1,14}(\.\d{1,4})?$/;

/** The line a scanned item is on: at the location scanned last when it has one there, else its first line. */
export function lineForItem(
  lines: readonly CountLine[],
  itemId: string,
  locationId: string | undefined,
): CountLine | undefined {
  return (
    lines.find((line) => line.itemId === itemId && line.stockLocationId === locationId) ??
    (locationId ? undefined : lines.find((line) => line.itemId === itemId))
  );
}

/** The first line at a scanned location (focus moves there). */
export function firstLineAt(lines: readonly CountLine[], locationId: string): CountLine | undefined {
  return lines.find((line) => line.stockLocationId === locationId);
}

/** The entries to PUT: every line with a value typed (changed or not) and every found item. */
export function entriesOf(
  lines: readonly CountLine[],
  values: Record<string, string>,
  found: readonly FoundEntry[],
): { entries: Record<string, unknown>[]; invalid: string[] } {
  const entries: Record<string, unknown>[] = [];
  const invalid: string[] = [];
  for (const line of lines) {
    const value = values[line.id]?.trim();
    if (!value) continue;
    if (!DECIMAL.test(value)) {
      invalid.push(line.id);
      continue;
    }
    entries.push({
      itemId: line.itemId,
      stockLocationId: line.stockLocationId,
      ...(line.lotNumber ? { lotNumber: line.lotNumber } : {}),
      counted: value,
    });
  }
  for (const entry of found) {
    const value = entry.counted.trim();
    if (!DECIMAL.test(value)) {
      invalid.push(entry.key);
      continue;
    }
    entries.push({
      itemId: entry.itemId,
      stockLocationId: entry.stockLocationId,
      ...(entry.lotNumber.trim() ? { lotNumber: entry.lotNumber.trim() } : {}),
      counted: value,
    });
  }
  return { entries, invalid };
}

/** The line ids a 422 `uncounted_lines` names (`lines.<id>`). */
export function uncountedIds(errors: readonly { field: string }[] | undefined): string[] {
  return (errors ?? [])
    .map((error) => /(?:^|\.)lines\.([0-9a-f-]{36})$/.exec(error.field)?.[1])
    .filter((id): id is string => Boolean(id));
}
