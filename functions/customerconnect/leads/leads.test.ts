import { describe, expect, it } from 'vitest';
import { leadDomain } from './convert-lead';
import { ConvertLeadBody, CreateScoringRuleBody, UpdateLeadBody } from './schemas';

describe('lead rules', () => {
  it('takes the company domain from the website, else from a non-free-mail email', () => {
    expect(leadDomain({ website: 'https://www.Acme.com/about', email: 'a@other.com' })).toBe('acme.com');
    expect(leadDomain({ website: null, email: 'ana@newco.io' })).toBe('newco.io');
    expect(leadDomain({ website: null, email: 'ana@gmail.com' })).toBeNull();
    expect(leadDomain({ website: null, email: null })).toBeNull();
  });

  it('accepts scoring rules on known fields and custom.<key> only', () => {
    expect(
      CreateScoringRuleBody.safeParse({ kind: 'field', field: 'source', value: 'web', points: 5 }).success,
    ).toBe(true);
    expect(CreateScoringRuleBody.safeParse({ kind: 'field', field: 'custom.tier', points: 5 }).success).toBe(
      true,
    );
    expect(CreateScoringRuleBody.safeParse({ kind: 'field', field: 'owner_id', points: 5 }).success).toBe(
      false,
    );
    expect(
      CreateScoringRuleBody.safeParse({ kind: 'activity', activityType: 'call', points: 1001 }).success,
    ).toBe(false);
  });

  it('lets PATCH ask for converted (the use case answers 422) and conversion send money only with a currency', () => {
    expect(UpdateLeadBody.safeParse({ status: 'converted', version: 1 }).success).toBe(true);
    expect(ConvertLeadBody.safeParse({ opportunity: { name: 'Deal', amount: '10.00' } }).success).toBe(false);
    expect(
      ConvertLeadBody.safeParse({ opportunity: { name: 'Deal', amount: '10.00', currency: 'EUR' } }).success,
    ).toBe(true);
    expect(ConvertLeadBody.safeParse({ company: { id: 'not-a-uuid' } }).success).toBe(false);
  });
});
