import { isDecimal } from '$lib/decimal';
import type { ItemRef } from '../types';

/**
 * The lines of a new purchase order or requisition as the form holds them,
 * and the request lines they become. Problems are keyed like the API's field
 * errors (`lines.0.quantity`), so one lookup shows either next to its field.
 */
export interface DraftLine {
  key: string;
  item: ItemRef | undefined;
  quantity: string;
  /** Per base unit; '' lets the API take the supplier's price. */
  unitPrice: string;
  /** True while the price is the supplier's quote (a new quote may replace it), false once typed. */
  quoted: boolean;
}

let counter = 0;
export function newLine(): DraftLine {
  counter += 1;
  return { key: `line-${counter}`, item: undefined, quantity: '1', unitPrice: '', quoted: true };
}

export function linesRequest(
  lines: readonly DraftLine[],
  withPrice: boolean,
): { lines: Record<string, unknown>[]; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  if (lines.length === 0) problems.lines = 'Add at least one item.';
  const out = lines.map((line, index) => {
    const body: Record<string, unknown> = { itemId: line.item?.id, quantity: line.quantity.trim() };
    if (!line.item) problems[`lines.${index}.itemId`] = 'Choose an item.';
    if (!isDecimal(line.quantity) || /^0+(\.0+)?$/.test(line.quantity.trim()))
      problems[`lines.${index}.quantity`] = 'A quantity above zero, at most 4 decimal places.';
    const price = line.unitPrice.trim();
    if (withPrice && price) {
      if (isDecimal(price, 6)) body.unitPrice = price;
      else problems[`lines.${index}.unitPrice`] = 'A price, at most 6 decimal places.';
    }
    return body;
  });
  return { lines: out, problems };
}
