import { describe, expect, it } from 'vitest';
import {
  amountLabel,
  decimalLabel,
  employeeName,
  initials,
  moneyLabel,
  rangeLabel,
  today,
  workDaysLabel,
} from './format';

describe('Qultrix formatting', () => {
  it('names people by their preferred name and family name', () => {
    expect(employeeName({ legalName: { given: 'Robert', family: 'Smith' }, preferredName: 'Bob' })).toBe(
      'Bob Smith',
    );
    expect(employeeName({ legalName: { given: 'Ada', family: 'Lovelace' }, preferredName: null })).toBe(
      'Ada Lovelace',
    );
    expect(employeeName({ legalName: { given: 'Ada', family: 'Lovelace' }, preferredName: '  ' })).toBe(
      'Ada Lovelace',
    );
  });

  it('takes initials from the first and last word', () => {
    expect(initials('Ada King Lovelace')).toBe('AL');
    expect(initials('Cher')).toBe('C');
    expect(initials('')).toBe('');
  });

  it('writes work days as a range when they are consecutive', () => {
    expect(workDaysLabel([1, 2, 3, 4, 5])).toBe('Mon–Fri');
    expect(workDaysLabel([5, 1, 3])).toBe('Mon, Wed, Fri');
    expect(workDaysLabel([])).toBe('—');
  });

  it('shows decimals without trailing zeros, never through float arithmetic', () => {
    expect(decimalLabel('12.500')).toBe('12.5');
    expect(decimalLabel('3.000')).toBe('3');
    expect(decimalLabel('-2')).toBe('-2');
    expect(decimalLabel('10')).toBe('10');
    expect(decimalLabel('0.1000000000000000055')).toBe('0.1000000000000000055');
    expect(decimalLabel(null)).toBe('—');
  });

  it('says days and hours in the singular for one', () => {
    expect(amountLabel('1.000', 'days')).toBe('1 day');
    expect(amountLabel('2.5', 'days')).toBe('2.5 days');
    expect(amountLabel('7.5', 'hours')).toBe('7.5 hours');
  });

  it('labels a one-day range as the day', () => {
    expect(rangeLabel('2026-03-09', '2026-03-09')).toBe(rangeLabel('2026-03-09', '2026-03-09'));
    expect(rangeLabel('2026-03-09', '2026-03-13')).toMatch(/2026$/);
  });

  it('takes today from the local calendar', () => {
    expect(today(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('groups money from its string, keeping cents', () => {
    expect(moneyLabel('85000.0000', 'EUR')).toBe('85,000 EUR');
    expect(moneyLabel('1234567.5', 'USD')).toBe('1,234,567.50 USD');
    expect(moneyLabel('41.25', 'GBP')).toBe('41.25 GBP');
  });
});
