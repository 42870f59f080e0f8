import { describe, expect, it } from 'vitest';
import {
  accrualsDue,
  carriedExpiry,
  carryOverExpiryDate,
  fromThousandths,
  monthlyAccruals,
  type PolicyTerms,
  toThousandths,
  yearEnd,
  yearlyAccrual,
} from './accrual-math';

const monthly: PolicyTerms = { yearlyEntitlement: '25', accrual: 'monthly', prorate: true, waitingDays: 0 };
const yearly: PolicyTerms = { ...monthly, accrual: 'yearly' };
const sum = (rows: { amount: number }[]) => rows.reduce((total, row) => total + row.amount, 0);

describe('decimal thousandths', () => {
  it('parses and prints exact decimals without floats', () => {
    expect(toThousandths('25')).toBe(25_000);
    expect(toThousandths('2.083')).toBe(2_083);
    expect(toThousandths('-0.5')).toBe(-500);
    expect(fromThousandths(25_000)).toBe('25');
    expect(fromThousandths(2_083)).toBe('2.083');
    expect(fromThousandths(-500)).toBe('-0.5');
    expect(fromThousandths(0)).toBe('0');
  });
});

describe('monthly accrual', () => {
  it('gives a full year exactly the entitlement, however it divides by 12', () => {
    const rows = monthlyAccruals(monthly, '2020-03-01', 2026, '2026-12-31');

    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ period: '2026-01', effectiveDate: '2026-01-01', amount: 2_083 });
    expect(rows[1]?.amount).toBe(2_084);
    expect(sum(rows)).toBe(25_000);
  });

  it('writes only the months due by today', () => {
    const rows = monthlyAccruals(monthly, '2020-03-01', 2026, '2026-07-15');

    expect(rows.map((row) => row.period)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
    ]);
  });

  it('prorates the hire month by its remaining days and accrues nothing before the hire', () => {
    const terms = { ...monthly, yearlyEntitlement: '24' };

    const rows = monthlyAccruals(terms, '2026-07-15', 2026, '2026-12-31');

    // July: 17 of 31 days of 2 days = 1.097; then 2 a month.
    expect(rows[0]).toEqual({ period: '2026-07', effectiveDate: '2026-07-15', amount: 1_097 });
    expect(rows.slice(1).map((row) => row.amount)).toEqual([2_000, 2_000, 2_000, 2_000, 2_000]);
    expect(monthlyAccruals(terms, '2026-07-15', 2026, '2026-07-14')).toEqual([]);
  });

  it('counts the hire month in full without proration', () => {
    const rows = monthlyAccruals(
      { ...monthly, yearlyEntitlement: '24', prorate: false },
      '2026-07-15',
      2026,
      '2026-07-31',
    );

    expect(rows).toEqual([{ period: '2026-07', effectiveDate: '2026-07-15', amount: 2_000 }]);
  });

  it('starts after the waiting days', () => {
    const rows = accrualsDue({ ...monthly, waitingDays: 90 }, '2026-01-01', 2026, '2026-05-31');

    // Eligible from 1 April.
    expect(rows.map((row) => row.period)).toEqual(['2026-04', '2026-05']);
  });
});

describe('yearly accrual', () => {
  it('gives the whole entitlement on 1 January', () => {
    expect(yearlyAccrual(yearly, '2020-01-01', 2026, '2026-01-01')).toEqual({
      period: '2026',
      effectiveDate: '2026-01-01',
      amount: 25_000,
    });
  });

  it('prorates a mid-year hire by the days left in the year, hire day included', () => {
    // 1 July to 31 December 2026: 184 of 365 days of 25.
    expect(yearlyAccrual(yearly, '2026-07-01', 2026, '2026-07-01')).toEqual({
      period: '2026',
      effectiveDate: '2026-07-01',
      amount: 12_603,
    });
    expect(yearlyAccrual({ ...yearly, prorate: false }, '2026-07-01', 2026, '2026-08-01')?.amount).toBe(
      25_000,
    );
    expect(yearlyAccrual(yearly, '2026-07-01', 2026, '2026-06-30')).toBeNull();
    expect(yearlyAccrual(yearly, '2027-01-02', 2026, '2026-12-31')).toBeNull();
  });
});

describe('year end and carry-over', () => {
  it('expires the balance and carries back at most the cap', () => {
    expect(yearEnd(7_500, 5_000)).toEqual({ expire: 7_500, carry: 5_000 });
    expect(yearEnd(3_000, 5_000)).toEqual({ expire: 3_000, carry: 3_000 });
    expect(yearEnd(3_000, null)).toEqual({ expire: 3_000, carry: 3_000 });
    expect(yearEnd(3_000, 0)).toEqual({ expire: 3_000, carry: 0 });
    expect(yearEnd(-1_000, 5_000)).toEqual({ expire: 0, carry: 0 });
  });

  it('expires carried-over leave at the end of month N, less what was taken since', () => {
    expect(carryOverExpiryDate(2027, 3)).toBe('2027-03-31');
    expect(carryOverExpiryDate(2028, 2)).toBe('2028-02-29');
    expect(carryOverExpiryDate(2027, null)).toBeNull();
    expect(carriedExpiry(5_000, 2_000, 10_000)).toBe(3_000);
    expect(carriedExpiry(5_000, 6_000, 10_000)).toBe(0);
    expect(carriedExpiry(5_000, 0, 1_000)).toBe(1_000);
  });
});
