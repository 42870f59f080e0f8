import { describe, expect, it } from 'vitest';
import { invoiceLines, invoiceRows, rowErrors } from './invoice-form';
import type { OrderLine } from './types';

const line = (id: string, received: string): OrderLine =>
  ({
    id,
    lineNo: 1,
    sku: 'B-1',
    name: 'Bolt',
    quantity: '10.0000',
    unitPrice: '2.500000',
    receivedQuantity: received,
  }) as OrderLine;

describe('invoice form', () => {
  it('starts from what was received at the ordered price', () => {
    expect(
      invoiceRows([line('l1', '6.0000'), line('l2', '0')]).map((row) => [row.quantity, row.unitPrice]),
    ).toEqual([
      ['6', '2.5'],
      ['', '2.5'],
    ]);
  });

  it('invoices the lines with a quantity and checks them', () => {
    const rows = invoiceRows([line('l1', '6'), line('l2', '0'), line('l3', '1')]).map((row) =>
      row.lineId === 'l3' ? { ...row, unitPrice: 'abc' } : row,
    );
    const result = invoiceLines(rows);
    expect(result.lineIds).toEqual(['l1', 'l3']);
    expect(result.problems).toEqual({ 'l3.unitPrice': 'A price, at most 6 decimal places.' });
    expect(invoiceLines(invoiceRows([line('l2', '0')])).problems).toEqual({
      lines: 'Invoice at least one line.',
    });
  });

  it("keys the API's line errors by order line", () => {
    expect(rowErrors({ 'lines.1.quantity': 'No', invoiceNumber: 'Taken' }, ['l1', 'l3'])).toEqual({
      'l3.quantity': 'No',
      invoiceNumber: 'Taken',
    });
  });
});
