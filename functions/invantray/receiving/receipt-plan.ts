import { trimDecimal } from '@halooid/shared/decimal';
import { BusinessRuleError, type FieldError } from '@halooid/shared/errors';
import type { ReceiveLineInput } from './schemas';

/**
 * What a receipt will post, decided before anything is written: each request
 * line checked against the order line it names and the item's tracking, then
 * split into the moves the ledger takes (a serial is one unit, so a line of
 * three serial numbers is three moves). Pure, so every rule is unit-tested.
 */
export interface OrderLineFacts {
  id: string;
  lineNo: number;
  itemId: string;
  sku: string;
  tracking: 'none' | 'lot' | 'serial';
}

export interface PlannedMove {
  /** The request line it came from (its index in `lines`). */
  lineIndex: number;
  purchaseOrderLineId: string;
  itemId: string;
  /** In the item's base unit. */
  quantity: string;
  lot: { number: string; expiresOn: string | null } | null;
}

const fieldOf = (index: number, name: string) => `body.lines.${index}.${name}`;

/** 422 `line_not_on_order` for every request line naming a line of another (or no) order. */
export function checkLinesOnOrder(
  lines: readonly Pick<ReceiveLineInput, 'purchaseOrderLineId'>[],
  orderLines: ReadonlyMap<string, OrderLineFacts>,
): void {
  const errors = lines.flatMap((line, index): FieldError[] =>
    orderLines.has(line.purchaseOrderLineId)
      ? []
      : [
          {
            field: fieldOf(index, 'purchaseOrderLineId'),
            message: 'This line is not on the order.',
            code: 'line_not_on_order',
          },
        ],
  );
  if (errors.length > 0)
    throw new BusinessRuleError('line_not_on_order', 'Some lines are not on this purchase order.', errors);
}

/**
 * The moves of a receipt. `baseQuantities[i]` is line i's quantity in the
 * item's base unit. Lot-tracked items need a lot number; serial-tracked items
 * one serial number per unit (so a whole number of units), none repeated;
 * untracked items take neither. Every problem is reported at once, with its
 * field, under the first one's code.
 */
export function planReceipt(
  lines: readonly ReceiveLineInput[],
  baseQuantities: readonly string[],
  orderLines: ReadonlyMap<string, OrderLineFacts>,
): PlannedMove[] {
  const errors: FieldError[] = [];
  const planned: PlannedMove[] = [];
  const serialsSeen = new Set<string>();
  lines.forEach((line, index) => {
    const orderLine = orderLines.get(line.purchaseOrderLineId);
    const quantity = baseQuantities[index];
    if (!orderLine || quantity === undefined) throw new Error('planReceipt: lines were not checked');
    const base = { lineIndex: index, purchaseOrderLineId: orderLine.id, itemId: orderLine.itemId };
    const problem = (name: string, code: string, message: string) =>
      errors.push({ field: fieldOf(index, name), code, message });

    if (orderLine.tracking === 'none') {
      if (line.lotNumber !== undefined || line.serialNumbers !== undefined || line.expiresOn !== undefined)
        problem('lotNumber', 'lot_not_tracked', `${orderLine.sku} is not tracked by lot or serial number.`);
      planned.push({ ...base, quantity, lot: null });
      return;
    }
    if (orderLine.tracking === 'lot') {
      if (line.serialNumbers !== undefined)
        problem(
          'serialNumbers',
          'lot_not_serial',
          `${orderLine.sku} is tracked by lot: name one lot number.`,
        );
      if (line.lotNumber === undefined) {
        problem('lotNumber', 'lot_required', `${orderLine.sku} is tracked by lot: name the lot received.`);
        return;
      }
      planned.push({ ...base, quantity, lot: { number: line.lotNumber, expiresOn: line.expiresOn ?? null } });
      return;
    }
    if (line.lotNumber !== undefined)
      problem(
        'lotNumber',
        'serial_not_lot',
        `${orderLine.sku} is tracked by serial number: list the serials.`,
      );
    const serials = line.serialNumbers ?? [];
    if (serials.length === 0) {
      problem(
        'serialNumbers',
        'serials_required',
        `${orderLine.sku} is tracked by serial number: list one per unit.`,
      );
      return;
    }
    if (trimDecimal(quantity) !== String(serials.length)) {
      problem(
        'serialNumbers',
        'serial_count',
        `${trimDecimal(quantity)} units of ${orderLine.sku} need as many serial numbers; ${serials.length} were given.`,
      );
      return;
    }
    serials.forEach((serial, position) => {
      const key = `${orderLine.itemId}\n${serial}`;
      if (serialsSeen.has(key)) {
        errors.push({
          field: `${fieldOf(index, 'serialNumbers')}.${position}`,
          code: 'duplicate_serial',
          message: `Serial number ${serial} is listed twice.`,
        });
        return;
      }
      serialsSeen.add(key);
      planned.push({ ...base, quantity: '1', lot: { number: serial, expiresOn: line.expiresOn ?? null } });
    });
  });
  const first = errors[0];
  if (first) throw new BusinessRuleError(first.code, 'Some lines cannot be received as sent.', errors);
  return planned;
}
