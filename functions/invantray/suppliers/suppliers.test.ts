import { describe, expect, it } from 'vitest';
import { CreateSupplierBody, CreateSupplierPriceBody, QuoteQuery, UpdateSupplierBody } from './schemas';

describe('supplier schemas', () => {
  it('trims names, upper-cases the country and keeps contacts', () => {
    const parsed = CreateSupplierBody.parse({
      code: ' ACME ',
      name: '  Acme Tools ',
      address: { country: 'de' },
      contacts: [{ name: 'Sam', role: 'sales' }],
    });

    expect(parsed).toMatchObject({ code: 'ACME', name: 'Acme Tools', address: { country: 'DE' } });
  });

  it('refuses hidden characters, unknown currencies, non-http websites, 21 contacts and unknown fields', () => {
    const base = { code: 'X', name: 'X' };

    expect(CreateSupplierBody.safeParse({ ...base, name: 'bad\u202Ename' }).success).toBe(false);
    expect(CreateSupplierBody.safeParse({ ...base, currency: 'XYZ' }).success).toBe(false);
    expect(CreateSupplierBody.safeParse({ ...base, website: 'javascript:alert(1)' }).success).toBe(false);
    expect(
      CreateSupplierBody.safeParse({ ...base, contacts: Array.from({ length: 21 }, () => ({ name: 'C' })) })
        .success,
    ).toBe(false);
    expect(CreateSupplierBody.safeParse({ ...base, tenantId: 'x' }).success).toBe(false);
    expect(CreateSupplierBody.safeParse({ ...base, paymentTermsDays: 366 }).success).toBe(false);
  });

  it('needs a change besides the version in a PATCH', () => {
    expect(UpdateSupplierBody.safeParse({ version: 1 }).success).toBe(false);
    expect(UpdateSupplierBody.safeParse({ version: 1, active: false }).success).toBe(true);
  });

  it('takes prices as decimal strings that fit their columns, and quotes a positive quantity', () => {
    const itemId = '0195e0a0-0000-7000-8000-000000000003';

    expect(CreateSupplierPriceBody.safeParse({ itemId, unitPrice: '4.125' }).success).toBe(true);
    expect(CreateSupplierPriceBody.safeParse({ itemId, unitPrice: 4.125 }).success).toBe(false);
    expect(CreateSupplierPriceBody.safeParse({ itemId, unitPrice: '1.1234567' }).success).toBe(false);
    expect(CreateSupplierPriceBody.safeParse({ itemId, unitPrice: '1', minQuantity: '0' }).success).toBe(
      false,
    );
    expect(
      CreateSupplierPriceBody.safeParse({ itemId, unitPrice: '1', effectiveFrom: '2026-02-30' }).success,
    ).toBe(false);
    expect(QuoteQuery.safeParse({ itemId, quantity: '0' }).success).toBe(false);
    expect(QuoteQuery.safeParse({ itemId, quantity: '12', on: '2026-03-01' }).success).toBe(true);
  });
});
