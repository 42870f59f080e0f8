import { isDecimal, isZero, trimDecimal } from '$lib/decimal';
import type { OrderLine } from './types';

/**
 * A supplier invoice as the form holds it: per order line the invoiced
 * quantity (what was received, to start with) and price (the ordered one).
 * Lines left empty or at zero are not on the invoice.
 */
export interface InvoiceRow {
  lineId: string;
  label: string;
  quantity: string;
  unitPrice: string;
}

export function invoiceRows(lines: readonly OrderLine[]): InvoiceRow[] {
  return lines.map((line) => ({
    lineId: line.id,
    label: `${line.lineNo}. ${line.sku} · ${line.name}`,
    quantity: isZero(line.receivedQuantity) ? '' : trimDecimal(line.receivedQuantity),
    unitPrice: trimDecimal(line.unitPrice),
  }));
}

export function invoiceLines(rows: readonly InvoiceRow[]): {
  lines: { purchaseOrderLineId: string; quantity: string; unitPrice: string }[];
  lineIds: string[];
  problems: Record<string, string>;
} {
  const problems: Record<string, string> = {};
  const lines: { purchaseOrderLineId: string; quantity: string; unitPrice: string }[] = [];
  for (const row of rows) {
    const quantity = row.quantity.trim();
    if (!quantity || (isDecimal(quantity) && isZero(quantity))) continue;
    if (!isDecimal(quantity)) problems[`${row.lineId}.quantity`] = 'A quantity, at most 4 decimal places.';
    if (!isDecimal(row.unitPrice, 6))
      problems[`${row.lineId}.unitPrice`] = 'A price, at most 6 decimal places.';
    lines.push({ purchaseOrderLineId: row.lineId, quantity, unitPrice: row.unitPrice.trim() });
  }
  if (lines.length === 0) problems.lines = 'Invoice at least one line.';
  return { lines, lineIds: lines.map((line) => line.purchaseOrderLineId), problems };
}

/** The API's `lines.1.unitPrice` as `<order line id>.unitPrice`, the key the form shows it under. */
export function rowErrors(
  fields: Readonly<Record<string, string>>,
  lineIds: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const match = /^lines\.(\d+)\.(\w+)/.exec(field);
    const lineId = match ? lineIds[Number(match[1])] : undefined;
    out[lineId && match ? `${lineId}.${match[2]}` : field] = message;
  }
  return out;
}
