import { filterOf } from '@halooid/shared/db/pagination';
import { describe, expect, it } from 'vitest';
import { cutoffOf, onHandSql, unitCostSql } from './on-hand-at';

describe('cutoffOf', () => {
  it('reads a calendar date as the close of that day in UTC', () => {
    expect(cutoffOf('2026-03-31')).toBe('2026-03-31T23:59:59.999999Z');
  });

  it('reads a millisecond instant as the end of that millisecond, in UTC', () => {
    expect(cutoffOf('2026-03-31T10:15:00.123Z')).toBe('2026-03-31T10:15:00.123999Z');
    expect(cutoffOf('2026-03-31T12:15:00+02:00')).toBe('2026-03-31T10:15:00.000999Z');
  });

  it('keeps an instant given to the microsecond as it is', () => {
    expect(cutoffOf('2026-03-31T10:15:00.123456Z')).toBe('2026-03-31T10:15:00.123456Z');
  });
});

describe('onHandSql', () => {
  it('reads the balances as they are when no instant is asked', () => {
    const filter = filterOf(['tenant'], []);

    const sql = onHandSql(filter, { itemId: 'item' });

    expect(sql).not.toContain('stock_moves');
    expect(filter.params).toEqual(['tenant', 'item']);
  });

  it('subtracts only the moves after the instant, binding every value', () => {
    const filter = filterOf(['tenant'], []);

    const sql = onHandSql(filter, {
      itemId: 'item',
      warehouseId: 'warehouse',
      cutoff: '2026-01-01T00:00:00Z',
    });

    expect(sql).toContain('m.posted_at > $4::timestamptz');
    expect(sql).toContain('m.item_id = $5');
    expect(filter.params).toEqual(['tenant', 'item', 'warehouse', '2026-01-01T00:00:00Z', 'item']);
  });
});

describe('unitCostSql', () => {
  it('is the current average now, and the latest history entry up to the instant otherwise', () => {
    const filter = filterOf(['tenant'], []);

    expect(unitCostSql(filter, undefined)).toBe('i.average_cost');
    expect(unitCostSql(filter, '2026-01-01T00:00:00Z')).toContain('c.effective_at <= $2::timestamptz');
  });
});
