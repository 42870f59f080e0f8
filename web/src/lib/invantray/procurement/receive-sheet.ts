import { addDecimals, compareDecimals, isDecimal, isZero, remainingOf } from '$lib/decimal';
import { type ScanMatch, scanQuantity } from '../scan/parse';
import type { Tracking } from '../types';
import type { OrderLine } from './types';

/**
 * The receive screen's sheet, without the browser: one row per order line
 * with what is still to come and what arrives now, scans applied to it, and
 * the receipt request it becomes. Quantities are in the item's base unit (a
 * carton's barcode counts its factor), exact decimal strings throughout.
 */
export interface ReceiveRow {
  lineId: string;
  lineNo: number;
  itemId: string;
  sku: string;
  name: string;
  unit: string;
  ordered: string;
  received: string;
  remaining: string;
  tracking: Tracking;
  /** What arrives now, as typed ('' = nothing on this line). */
  quantity: string;
  lotNumber: string;
  expiresOn: string;
  /** Serial numbers, one per line of text. */
  serials: string;
}

export function sheetOf(
  lines: readonly OrderLine[],
  tracking: Readonly<Record<string, Tracking>>,
): ReceiveRow[] {
  return lines.map((line) => ({
    lineId: line.id,
    lineNo: line.lineNo,
    itemId: line.itemId,
    sku: line.sku,
    name: line.name,
    unit: line.unit,
    ordered: line.quantity,
    received: line.receivedQuantity,
    remaining: remainingOf(line.quantity, line.receivedQuantity),
    tracking: tracking[line.itemId] ?? 'none',
    quantity: '',
    lotNumber: '',
    expiresOn: '',
    serials: '',
  }));
}

export function serialsOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((serial) => serial.trim())
    .filter(Boolean);
}

/** Every remaining quantity filled in (the "receive all" button); serial rows keep their scans. */
export function fillRemaining(rows: readonly ReceiveRow[]): ReceiveRow[] {
  return rows.map((row) =>
    row.tracking === 'serial' || isZero(row.remaining) ? row : { ...row, quantity: row.remaining },
  );
}

/**
 * A scan on the sheet: an item's barcode selects its line (the first one still
 * open, when the item is on several) and adds one, or the carton's factor; a
 * serial adds itself to its line's serials; a lot sets its line's lot. Answers
 * the rows and the line it touched, or undefined when the item is not on the order.
 */
export function applyScan(
  rows: readonly ReceiveRow[],
  match: ScanMatch,
): { rows: ReceiveRow[]; lineId: string } | undefined {
  const itemId = match.item?.id;
  if (!itemId) return undefined;
  const candidates = rows.filter((row) => row.itemId === itemId);
  const row = candidates.find((candidate) => !isZero(candidate.remaining)) ?? candidates[0];
  if (!row) return undefined;
  const next = { ...row };
  if (match.type === 'serial' && match.lot) {
    const serials = serialsOf(row.serials);
    if (!serials.includes(match.lot.number)) serials.push(match.lot.number);
    next.serials = serials.join('\n');
    next.quantity = String(serials.length);
  } else if (match.type === 'lot' && match.lot) {
    next.lotNumber = match.lot.number;
  } else {
    const current = isDecimal(row.quantity) ? row.quantity.trim() : '0';
    next.quantity = addDecimals(current, scanQuantity(match));
  }
  return {
    rows: rows.map((candidate) => (candidate.lineId === row.lineId ? next : candidate)),
    lineId: row.lineId,
  };
}

/** Whether a row takes more than is still to come (allowed up to the tenant's tolerance). */
export function isOver(row: ReceiveRow): boolean {
  return isDecimal(row.quantity) && compareDecimals(row.quantity.trim(), row.remaining) > 0;
}

export interface ReceiptRequest {
  body: { lines: Record<string, unknown>[]; note?: string };
  /** `lineIds[i]` is the order line the request's line i is for (to put errors back on rows). */
  lineIds: string[];
  /** Problems found before sending, by order line id. */
  problems: Record<string, string>;
}

/** The receipt for the rows with a quantity; rows left empty or at zero are not received now. */
export function receiptRequest(
  rows: readonly ReceiveRow[],
  toStockLocationId: string,
  note: string,
): ReceiptRequest {
  const lines: Record<string, unknown>[] = [];
  const lineIds: string[] = [];
  const problems: Record<string, string> = {};
  for (const row of rows) {
    const quantity = row.quantity.trim();
    if (!quantity) continue;
    if (!isDecimal(quantity)) {
      problems[row.lineId] = 'A quantity: a number with at most 4 decimal places.';
      continue;
    }
    if (isZero(quantity)) continue;
    const line: Record<string, unknown> = { purchaseOrderLineId: row.lineId, quantity };
    if (toStockLocationId) line.toStockLocationId = toStockLocationId;
    if (row.tracking === 'lot') {
      if (!row.lotNumber.trim()) problems[row.lineId] = `${row.sku} is tracked by lot: enter the lot number.`;
      else line.lotNumber = row.lotNumber.trim();
      if (row.expiresOn) line.expiresOn = row.expiresOn;
    }
    if (row.tracking === 'serial') {
      const serials = serialsOf(row.serials);
      if (String(serials.length) !== quantity)
        problems[row.lineId] =
          `${quantity} units need ${quantity} serial numbers; ${serials.length} entered.`;
      else line.serialNumbers = serials;
    }
    lines.push(line);
    lineIds.push(row.lineId);
  }
  return { body: { lines, ...(note.trim() ? { note: note.trim() } : {}) }, lineIds, problems };
}

/** The API's field errors (`lines.3.quantity`) as messages by order line id. */
export function errorsByLine(
  fields: Readonly<Record<string, string>>,
  lineIds: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const match = /^lines\.(\d+)(?:\.|$)/.exec(field);
    const lineId = match ? lineIds[Number(match[1])] : undefined;
    if (lineId && !out[lineId]) out[lineId] = message;
  }
  return out;
}
