import type { Tx } from '@halooid/shared/db/transaction';
import { describe, expect, it } from 'vitest';
import { UpdateOrganizationBody } from './schemas';
import { changeOrganization } from './update-organization';

const actor = {
  principal: { principalId: '0195e0a0-0000-7000-8000-000000000002', principalType: 'user' as const },
};

const tenantRow = {
  id: '0195e0a0-0000-7000-8000-000000000001',
  name: 'Acme',
  slug: 'acme',
  tier: 'pro',
  profile: { locale: 'en-GB', currency: 'EUR' },
  enabled_products: ['taskodex', 'no-such-product'],
  updated_at: new Date('2026-01-02T03:04:05.000Z'),
};

/** A transaction that records each statement and answers every select with the tenant row. */
function fakeTx() {
  const statements: { text: string; values: readonly unknown[] }[] = [];
  const tx = {
    query: async (text: string, values: readonly unknown[] = []) => {
      statements.push({ text, values });
      return { rows: text.trim().startsWith('select') ? [tenantRow] : [] };
    },
  } as unknown as Tx;
  return { tx, statements };
}

describe('organization profile fields', () => {
  it('stores locale, time zone and currency in canonical form', () => {
    expect(
      UpdateOrganizationBody.parse({ locale: 'en-us', timeZone: 'europe/paris', currency: 'eur' }),
    ).toEqual({ locale: 'en-US', timeZone: 'Europe/Paris', currency: 'EUR' });
  });

  it.each([
    [{ locale: 'not a tag!' }, 'body.locale'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'body.timeZone'],
    [{ currency: 'XYZ' }, 'body.currency'],
    [{ logoUrl: 'http://acme.example/logo.png' }, 'body.logoUrl'],
    [{ logoUrl: 'javascript:alert(1)' }, 'body.logoUrl'],
    [{ logoUrl: 'https://user:pw@acme.example/logo.png' }, 'body.logoUrl'],
    [{ fiscalYearStartMonth: 13 }, 'body.fiscalYearStartMonth'],
    [{ name: 'bad\u202Ename' }, 'body.name'],
    [{ enabledProducts: ['taskodex'] }, 'body'],
    [{}, 'body'],
  ] as [Record<string, unknown>, string][])('refuses %j (%s)', (body, field) => {
    const result = UpdateOrganizationBody.safeParse(body);
    expect(result.success).toBe(false);
    expect(`body${result.error?.issues[0]?.path.map((key) => `.${String(key)}`).join('') ?? ''}`).toBe(field);
  });

  it('accepts an https logo and null to clear a field', () => {
    expect(
      UpdateOrganizationBody.parse({ logoUrl: 'https://cdn.acme.example/logo.svg', currency: null }),
    ).toEqual({
      logoUrl: 'https://cdn.acme.example/logo.svg',
      currency: null,
    });
  });
});

describe('changing the organization', () => {
  it('writes and audits only the fields that change, with their values before and after', async () => {
    const { tx, statements } = fakeTx();

    const organization = await changeOrganization(
      { name: 'Acme', locale: 'fr-FR', currency: null, fiscalYearStartMonth: 4 },
      { tx, actor },
    );

    const [update, audit] = statements.filter((statement) => !statement.text.trim().startsWith('select'));
    expect(update?.values).toEqual([
      null,
      JSON.stringify({ locale: 'fr-FR', fiscalYearStartMonth: 4, currency: null }),
    ]);
    expect(audit?.values).toContain('adminhub.organization.updated');
    expect(audit?.values.at(-1)).toEqual({
      changed: {
        locale: { before: 'en-GB', after: 'fr-FR' },
        fiscalYearStartMonth: { before: 1, after: 4 },
        currency: { before: 'EUR', after: null },
      },
    });
    expect(organization.enabledProducts).toEqual(['taskodex']);
  });

  it('writes nothing when nothing changes', async () => {
    const { tx, statements } = fakeTx();

    await changeOrganization({ name: 'Acme', locale: 'en-GB' }, { tx, actor });

    expect(statements).toHaveLength(1);
  });
});
