import { describe, expect, it } from 'vitest';
import type { ScanMatch } from '../scan/parse';
import { applyScan, errorsByLine, fillRemaining, isOver, receiptRequest, sheetOf } from './receive-sheet';
import type { OrderLine } from './types';

const line = (id: string, itemId: string, quantity: string, received = '0'): OrderLine => ({
  id,
  lineNo: Number(id.slice(1)),
  itemId,
  sku: itemId.toUpperCase(),
  name: itemId,
  unit: 'each',
  quantity,
  unitPrice: '10',
  receivedQuantity: received,
  lineTotal: '0',
  note: null,
  requisitionLineId: null,
  reorderWarehouseId: null,
});
const item = (id: string, extra: Partial<ScanMatch> = {}): ScanMatch => ({
  type: 'item',
  item: { id, sku: id.toUpperCase(), name: id, unit: 'each' },
  ...extra,
});

describe('sheetOf', () => {
  it('shows what is still to come per line, never below zero', () => {
    const rows = sheetOf([line('l1', 'bolt', '100', '60'), line('l2', 'nut', '5', '6')], { nut: 'lot' });
    expect(rows.map((row) => [row.remaining, row.tracking])).toEqual([
      ['40', 'none'],
      ['0', 'lot'],
    ]);
  });
});

describe('applyScan', () => {
  const rows = sheetOf([line('l1', 'bolt', '10', '10'), line('l2', 'bolt', '5'), line('l3', 'nut', '3')], {});

  it('adds one to the open line of the scanned item, then one more', () => {
    const first = applyScan(rows, item('bolt'));
    expect(first?.lineId).toBe('l2');
    const second = first && applyScan(first.rows, item('bolt'));
    expect(second?.rows.find((row) => row.lineId === 'l2')?.quantity).toBe('2');
  });

  it("adds a carton's factor in base units", () => {
    const result = applyScan(rows, item('nut', { unit: 'box', factor: '12.0000' }));
    expect(result?.rows.find((row) => row.lineId === 'l3')?.quantity).toBe('12');
  });

  it('collects scanned serials and counts them', () => {
    const serial = (number: string): ScanMatch => ({
      ...item('nut'),
      type: 'serial',
      lot: { id: number, number, kind: 'serial' },
    });
    let result = applyScan(rows, serial('SN1'));
    result = result && applyScan(result.rows, serial('SN2'));
    result = result && applyScan(result.rows, serial('SN2'));
    expect(result?.rows.find((row) => row.lineId === 'l3')).toMatchObject({
      serials: 'SN1\nSN2',
      quantity: '2',
    });
  });

  it('ignores an item that is not on the order', () => {
    expect(applyScan(rows, item('washer'))).toBeUndefined();
  });
});

describe('receiptRequest', () => {
  it('sends the lines with a quantity, with lots and serials, and remembers their order', () => {
    const rows = sheetOf(
      [line('l1', 'bolt', '10'), line('l2', 'nut', '5'), line('l3', 'drill', '2'), line('l4', 'cap', '1')],
      {
        nut: 'lot',
        drill: 'serial',
      },
    );
    const filled = rows.map((row) => ({
      ...row,
      quantity: { l1: '6', l2: '5', l3: '2', l4: '' }[row.lineId] ?? '',
      lotNumber: row.lineId === 'l2' ? ' LOT-7 ' : '',
      serials: row.lineId === 'l3' ? 'S1\nS2' : '',
    }));
    const request = receiptRequest(filled, 'bin-1', '');
    expect(request.problems).toEqual({});
    expect(request.lineIds).toEqual(['l1', 'l2', 'l3']);
    expect(request.body.lines).toEqual([
      { purchaseOrderLineId: 'l1', quantity: '6', toStockLocationId: 'bin-1' },
      { purchaseOrderLineId: 'l2', quantity: '5', toStockLocationId: 'bin-1', lotNumber: 'LOT-7' },
      { purchaseOrderLineId: 'l3', quantity: '2', toStockLocationId: 'bin-1', serialNumbers: ['S1', 'S2'] },
    ]);
  });

  it('refuses a bad quantity, a missing lot and a serial count that does not add up', () => {
    const rows = sheetOf([line('l1', 'bolt', '10'), line('l2', 'nut', '5'), line('l3', 'drill', '2')], {
      nut: 'lot',
      drill: 'serial',
    }).map((row) => ({
      ...row,
      quantity: { l1: '1.23456', l2: '1', l3: '2' }[row.lineId] ?? '',
      serials: 'S1',
    }));
    expect(Object.keys(receiptRequest(rows, '', '').problems)).toEqual(['l1', 'l2', 'l3']);
  });
});

describe('errorsByLine', () => {
  it("puts the API's field errors back on the rows they name", () => {
    expect(
      errorsByLine({ 'lines.1.quantity': 'Line 2 (NUT) can take at most 0.5 more.', note: 'x' }, [
        'l1',
        'l2',
      ]),
    ).toEqual({ l2: 'Line 2 (NUT) can take at most 0.5 more.' });
  });
});

describe('fillRemaining and isOver', () => {
  it('fills every open line and flags more than remains', () => {
    const rows = fillRemaining(sheetOf([line('l1', 'bolt', '10', '4'), line('l2', 'nut', '1', '1')], {}));
    expect(rows.map((row) => row.quantity)).toEqual(['6', '']);
    const [first] = rows;
    expect(first && isOver({ ...first, quantity: '6.5' })).toBe(true);
  });
});
