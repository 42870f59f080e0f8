import { isDecimal, trimDecimal } from '$lib/decimal';
import { type DraftLine, linesRequest } from './order-lines';
import type { Order } from './types';

/**
 * Editing a draft order: its existing lines (quantity, price, or removed),
 * new lines, the expected date and the note, sent as one PATCH with the
 * version read. The API takes `lines` as the order's lines afterwards: an
 * `id` edits that line (keeping its requisition or reorder link), no `id`
 * adds one, lines left out are removed.
 */
export interface KeptLine {
  id: string;
  itemId: string;
  label: string;
  unit: string;
  quantity: string;
  unitPrice: string;
}

export function keptLines(order: Order): KeptLine[] {
  return order.lines.map((line) => ({
    id: line.id,
    itemId: line.itemId,
    label: `${line.sku} · ${line.name}`,
    unit: line.unit,
    quantity: trimDecimal(line.quantity),
    unitPrice: trimDecimal(line.unitPrice),
  }));
}

export function orderPatch(
  order: Pick<Order, 'version'>,
  kept: readonly KeptLine[],
  added: readonly DraftLine[],
  expectedOn: string,
  note: string,
): { body: Record<string, unknown>; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const lines: Record<string, unknown>[] = kept.map((line, index) => {
    if (!isDecimal(line.quantity) || /^0+(\.0+)?$/.test(line.quantity.trim()))
      problems[`lines.${index}.quantity`] = 'A quantity above zero, at most 4 decimal places.';
    if (!isDecimal(line.unitPrice, 6))
      problems[`lines.${index}.unitPrice`] = 'A price, at most 6 decimal places.';
    return {
      id: line.id,
      itemId: line.itemId,
      quantity: line.quantity.trim(),
      unitPrice: line.unitPrice.trim(),
    };
  });
  const fresh = linesRequest(added, true);
  for (const [key, message] of Object.entries(fresh.problems)) {
    const match = /^lines\.(\d+)\.(\w+)$/.exec(key);
    if (match) problems[`lines.${kept.length + Number(match[1])}.${match[2]}`] = message;
  }
  lines.push(...fresh.lines);
  if (lines.length === 0) problems.lines = 'An order needs at least one line: cancel it instead.';
  return {
    body: { version: order.version, expectedOn: expectedOn || null, note: note.trim() || null, lines },
    problems,
  };
}
