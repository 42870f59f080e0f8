import { describe, expect, it } from 'vitest';
import type { ScanMatch } from '../scan/parse';
import { applyScan, emptyForm, formErrors, missing, moveRequest } from './move-form';

const widget = { id: 'i1', sku: 'WID-1', name: 'Widget', unit: 'each', tracking: 'none' as const };
const drill = { id: 'i2', sku: 'DRL-1', name: 'Drill', unit: 'each', tracking: 'serial' as const };
const bin = (id: string): ScanMatch => ({ type: 'location', location: { id, code: id, warehouseId: 'w1' } });

describe('applyScan', () => {
  it('fills the item, then adds one per further scan of it', () => {
    let form = applyScan(emptyForm('receipt'), { type: 'item', item: widget });
    expect(form.item?.id).toBe('i1');
    expect(form.quantity).toBe('1');
    form = applyScan(form, { type: 'item', item: widget });
    expect(form.quantity).toBe('2');
  });

  it("counts a carton's scan in the carton unit", () => {
    const form = applyScan(emptyForm('receipt'), { type: 'item', item: widget, unit: 'box', factor: '12' });
    expect(form).toMatchObject({ quantity: '1', unit: 'box' });
  });

  it("fills a transfer's from, then its to", () => {
    let form = applyScan(emptyForm('transfer'), bin('a'));
    form = applyScan(form, bin('b'));
    expect(form).toMatchObject({ fromLocationId: 'a', toLocationId: 'b', toWarehouseId: 'w1' });
  });

  it("fills a receipt's destination and an issue's source", () => {
    expect(applyScan(emptyForm('receipt'), bin('a')).toLocationId).toBe('a');
    expect(applyScan(emptyForm('issue'), bin('a')).fromLocationId).toBe('a');
  });

  it('collects scanned serial numbers once each, the quantity following', () => {
    const serial = (number: string): ScanMatch => ({
      type: 'serial',
      item: drill,
      lot: { id: number, number, kind: 'serial' },
    });
    let form = applyScan(emptyForm('issue'), serial('S1'));
    form = applyScan(form, serial('S2'));
    form = applyScan(form, serial('S1'));
    expect(form.serials).toBe('S1\nS2');
    expect(form.quantity).toBe('2');
  });
});

describe('moveRequest', () => {
  it('posts a transfer as one line between two locations', () => {
    const form = {
      ...emptyForm('transfer'),
      item: widget,
      quantity: '3',
      fromLocationId: 'a',
      toLocationId: 'b',
    };
    expect(missing(form)).toEqual({});
    expect(moveRequest(form)).toEqual({
      path: '/stock/moves',
      body: {
        kind: 'transfer',
        lines: [{ itemId: 'i1', quantity: '3', fromStockLocationId: 'a', toStockLocationId: 'b' }],
      },
    });
  });

  it('posts an issue against a Taskodex task', () => {
    const form = { ...emptyForm('issue'), item: widget, quantity: '1', fromLocationId: 'a', taskId: 'T-1' };
    expect(moveRequest(form).body).toMatchObject({ reference: { type: 'task', id: 'T-1' } });
  });

  it('posts an adjustment with its direction and reason', () => {
    const form = {
      ...emptyForm('adjustment'),
      item: widget,
      quantity: '2',
      fromLocationId: 'a',
      direction: 'remove' as const,
      reason: 'Damaged',
    };
    expect(moveRequest(form)).toEqual({
      path: '/stock/adjustments',
      body: {
        lines: [
          { itemId: 'i1', quantity: '2', stockLocationId: 'a', direction: 'remove', reason: 'Damaged' },
        ],
      },
    });
  });

  it('refuses what would be refused anyway, field by field', () => {
    const form = {
      ...emptyForm('transfer'),
      item: drill,
      quantity: '0',
      fromLocationId: 'a',
      toLocationId: 'a',
    };
    expect(missing(form)).toEqual({
      quantity: 'A quantity above zero, at most 4 decimal places.',
      to: 'Transfer to another location.',
      serials: 'This item is tracked by serial number: one per unit.',
    });
  });
});

describe('formErrors', () => {
  it("puts the server's line errors on the dialog's fields", () => {
    expect(
      formErrors({
        'lines.0.quantity': 'Too many places',
        'lines.0.fromStockLocationId': 'Unknown',
        'reference.id': 'Too long',
      }),
    ).toEqual({
      quantity: 'Too many places',
      from: 'Unknown',
      taskId: 'Too long',
    });
  });
});
