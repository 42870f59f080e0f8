import { describe, expect, it } from 'vitest';
import { ChangeTenantTierBody, ListOperatorTenantsQuery, SuspendTenantBody } from './schemas';

describe('operator tenant requests', () => {
  it('takes a suspension reason of 1 to 500 characters, trimmed, without hidden characters', () => {
    expect(SuspendTenantBody.parse({ reason: '  Unpaid invoices ' })).toEqual({ reason: 'Unpaid invoices' });
    expect(SuspendTenantBody.safeParse({ reason: '   ' }).success).toBe(false);
    expect(SuspendTenantBody.safeParse({ reason: 'x'.repeat(501) }).success).toBe(false);
    expect(SuspendTenantBody.safeParse({ reason: 'Fraud\u202Etxt.exe' }).success).toBe(false);
    expect(SuspendTenantBody.safeParse({ reason: 'ok', extra: 1 }).success).toBe(false);
  });

  it('knows the three tiers only', () => {
    expect(ChangeTenantTierBody.parse({ tier: 'pro' })).toEqual({ tier: 'pro' });
    expect(ChangeTenantTierBody.safeParse({ tier: 'platinum' }).success).toBe(false);
  });

  it('filters the list by status and tier, with a bounded search and page size', () => {
    expect(ListOperatorTenantsQuery.parse({ status: 'suspended', tier: 'free', q: ' acme ' })).toMatchObject({
      status: 'suspended',
      tier: 'free',
      q: 'acme',
      limit: 20,
    });
    expect(ListOperatorTenantsQuery.safeParse({ status: 'deleted' }).success).toBe(false);
    expect(ListOperatorTenantsQuery.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    expect(ListOperatorTenantsQuery.safeParse({ limit: '1000' }).success).toBe(false);
  });
});
