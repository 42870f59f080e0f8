import { describe, expect, it } from 'vitest';
import { groupBySupplier, missingRates, type OrderLine } from './order-groups';

const line = (lineId: string, supplierId: string, currency: string): OrderLine => ({
  lineId,
  itemId: `item-${lineId}`,
  sku: `SKU-${lineId}`,
  quantity: '1',
  supplierId,
  currency,
  quotedPrice: null,
  averageCost: '2.5',
});

describe('requisition order groups', () => {
  it('makes one group per supplier and currency, in the order lines were asked for', () => {
    const groups = groupBySupplier([
      line('1', 'bolts', 'USD'),
      line('2', 'nuts', 'EUR'),
      line('3', 'bolts', 'USD'),
      line('4', 'bolts', 'EUR'),
    ]);

    expect(
      groups.map((group) => [group.supplierId, group.currency, group.lines.map((l) => l.lineId)]),
    ).toEqual([
      ['bolts', 'USD', ['1', '3']],
      ['nuts', 'EUR', ['2']],
      ['bolts', 'EUR', ['4']],
    ]);
  });

  it('names each foreign currency without a rate once, and never the base currency', () => {
    const groups = groupBySupplier([
      line('1', 'a', 'USD'),
      line('2', 'b', 'EUR'),
      line('3', 'c', 'GBP'),
      line('4', 'd', 'EUR'),
    ]);

    expect(missingRates(groups, 'USD', {})).toEqual(['EUR', 'GBP']);
    expect(missingRates(groups, 'USD', { GBP: '1.27' })).toEqual(['EUR']);
    expect(missingRates(groups, 'USD', { EUR: '1.08', GBP: '1.27' })).toEqual([]);
  });
});
