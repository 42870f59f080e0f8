import { BusinessRuleError } from '@halooid/shared/errors';
import { describe, expect, it } from 'vitest';
import { checkLinesOnOrder, type OrderLineFacts, planReceipt } from './receipt-plan';

const line = (id: string, tracking: OrderLineFacts['tracking']): OrderLineFacts => ({
  id,
  lineNo: 1,
  itemId: `item-${id}`,
  sku: `SKU-${id}`,
  tracking,
});
const orderLines = new Map([
  ['plain', line('plain', 'none')],
  ['lotted', line('lotted', 'lot')],
  ['serial', line('serial', 'serial')],
]);

function refusal(run: () => unknown): BusinessRuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof BusinessRuleError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkLinesOnOrder', () => {
  it('names every request line whose order line is not on the order', () => {
    const error = refusal(() =>
      checkLinesOnOrder([{ purchaseOrderLineId: 'plain' }, { purchaseOrderLineId: 'elsewhere' }], orderLines),
    );

    expect(error.code).toBe('line_not_on_order');
    expect(error.errors.map((problem) => problem.field)).toEqual(['body.lines.1.purchaseOrderLineId']);
  });
});

describe('planReceipt', () => {
  it('posts an untracked line as one move without a lot', () => {
    const moves = planReceipt([{ purchaseOrderLineId: 'plain', quantity: '24' }], ['24'], orderLines);

    expect(moves).toEqual([
      { lineIndex: 0, purchaseOrderLineId: 'plain', itemId: 'item-plain', quantity: '24', lot: null },
    ]);
  });

  it('posts the base quantity, not the quantity as sent in another unit', () => {
    const moves = planReceipt(
      [{ purchaseOrderLineId: 'plain', quantity: '2', unit: 'box' }],
      ['24'],
      orderLines,
    );

    expect(moves[0]?.quantity).toBe('24');
  });

  it('needs a lot number for a lot-tracked item and keeps its expiry', () => {
    const missing = refusal(() =>
      planReceipt([{ purchaseOrderLineId: 'lotted', quantity: '5' }], ['5'], orderLines),
    );
    const moves = planReceipt(
      [{ purchaseOrderLineId: 'lotted', quantity: '5', lotNumber: 'L-1', expiresOn: '2027-01-31' }],
      ['5'],
      orderLines,
    );

    expect(missing.code).toBe('lot_required');
    expect(missing.errors[0]?.field).toBe('body.lines.0.lotNumber');
    expect(moves).toEqual([
      {
        lineIndex: 0,
        purchaseOrderLineId: 'lotted',
        itemId: 'item-lotted',
        quantity: '5',
        lot: { number: 'L-1', expiresOn: '2027-01-31' },
      },
    ]);
  });

  it('splits a serial-tracked line into one move of one unit per serial number', () => {
    const moves = planReceipt(
      [{ purchaseOrderLineId: 'serial', quantity: '2.0000', serialNumbers: ['S-1', 'S-2'] }],
      ['2.0000'],
      orderLines,
    );

    expect(moves.map((move) => [move.quantity, move.lot?.number])).toEqual([
      ['1', 'S-1'],
      ['1', 'S-2'],
    ]);
  });

  it('refuses serials missing, miscounted or repeated across lines, all at once', () => {
    const error = refusal(() =>
      planReceipt(
        [
          { purchaseOrderLineId: 'serial', quantity: '3', serialNumbers: ['S-1', 'S-2'] },
          { purchaseOrderLineId: 'serial', quantity: '1' },
          { purchaseOrderLineId: 'serial', quantity: '1', serialNumbers: ['S-9'] },
          { purchaseOrderLineId: 'serial', quantity: '1', serialNumbers: ['S-9'] },
        ],
        ['3', '1', '1', '1'],
        orderLines,
      ),
    );

    expect(error.code).toBe('serial_count');
    expect(error.errors.map((problem) => [problem.field, problem.code])).toEqual([
      ['body.lines.0.serialNumbers', 'serial_count'],
      ['body.lines.1.serialNumbers', 'serials_required'],
      ['body.lines.3.serialNumbers.0', 'duplicate_serial'],
    ]);
  });

  it('refuses a fractional quantity of a serial-tracked item', () => {
    const error = refusal(() =>
      planReceipt(
        [{ purchaseOrderLineId: 'serial', quantity: '1.5', serialNumbers: ['S-1'] }],
        ['1.5'],
        orderLines,
      ),
    );

    expect(error.code).toBe('serial_count');
  });

  it('refuses lot or serial numbers on an untracked item', () => {
    const error = refusal(() =>
      planReceipt([{ purchaseOrderLineId: 'plain', quantity: '1', lotNumber: 'L-1' }], ['1'], orderLines),
    );

    expect(error.code).toBe('lot_not_tracked');
  });
});
