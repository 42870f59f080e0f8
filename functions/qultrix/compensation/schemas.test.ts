import { describe, expect, it } from 'vitest';
import { AddCompensationBody, AddIdentifiersBody, Salary } from './schemas';

describe('Salary', () => {
  it('takes exact decimal strings up to 4 decimals, above zero', () => {
    for (const value of ['85000', '85000.00', '41.25', '0.0001', '9999999999999.9999'])
      expect(Salary.safeParse(value).success).toBe(true);
  });

  it('refuses numbers, zero, exponents, signs, separators and excess precision', () => {
    for (const value of [
      85000,
      '0',
      '0.00',
      '1e6',
      '-5',
      '+5',
      '85,000',
      '1.23456',
      ' 5',
      '',
      '12345678901234',
    ])
      expect(Salary.safeParse(value).success).toBe(false);
  });
});

describe('AddCompensationBody', () => {
  const valid = { salary: '5000', currency: 'EUR', payFrequency: 'monthly', effectiveDate: '2026-01-01' };

  it('accepts a full row and refuses unknown keys, lower-case currencies and unknown frequencies', () => {
    expect(AddCompensationBody.safeParse(valid).success).toBe(true);
    expect(AddCompensationBody.safeParse({ ...valid, bonus: '1' }).success).toBe(false);
    expect(AddCompensationBody.safeParse({ ...valid, currency: 'eur' }).success).toBe(false);
    expect(AddCompensationBody.safeParse({ ...valid, payFrequency: 'daily' }).success).toBe(false);
    expect(AddCompensationBody.safeParse({ ...valid, effectiveDate: '2026-02-30' }).success).toBe(false);
  });
});

describe('AddIdentifiersBody', () => {
  it('normalises an IBAN (spaces out, upper case) and checks its shape', () => {
    const parsed = AddIdentifiersBody.parse({
      bankAccount: { iban: 'de89 3704 0044 0532 0130 00' },
      effectiveDate: '2026-01-01',
    });

    expect(parsed.bankAccount?.iban).toBe('DE89370400440532013000');
    expect(
      AddIdentifiersBody.safeParse({ bankAccount: { iban: 'not an iban' }, effectiveDate: '2026-01-01' })
        .success,
    ).toBe(false);
  });

  it('needs a national id or a bank account, and a bank account needs a number', () => {
    expect(AddIdentifiersBody.safeParse({ effectiveDate: '2026-01-01' }).success).toBe(false);
    expect(AddIdentifiersBody.safeParse({ nationalId: 'AB123', effectiveDate: '2026-01-01' }).success).toBe(
      true,
    );
    expect(
      AddIdentifiersBody.safeParse({ bankAccount: { bankName: 'Bank' }, effectiveDate: '2026-01-01' })
        .success,
    ).toBe(false);
    expect(
      AddIdentifiersBody.safeParse({
        bankAccount: { accountNumber: '12345678' },
        effectiveDate: '2026-01-01',
      }).success,
    ).toBe(true);
  });
});
