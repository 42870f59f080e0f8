import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { NotFoundError } from '@halooid/shared/errors';
import { describe, expect, it } from 'vitest';
import { createPolicy } from './create-policy';
import { getPolicy } from './get-policy';
import { CreatePolicyBody, ListPoliciesQuery } from './schemas';

const principal: Principal = {
  tenantId: '0195e0a0-0000-7000-8000-000000000001',
  principalId: '0195e0a0-0000-7000-8000-000000000002',
  principalType: 'user',
  grants: ['adminhub:*:*'],
};

/** A transaction that records each statement and answers with the given rows. */
function fakeTx(rows: Record<string, unknown>[]) {
  const statements: { text: string; values: readonly unknown[] }[] = [];
  const tx = {
    query: async (text: string, values: readonly unknown[] = []) => {
      statements.push({ text, values });
      return { rows };
    },
  } as unknown as Tx;
  return { tx, statements };
}

const row = {
  id: '0195e0a0-0000-7000-8000-000000000003',
  name: 'First',
  created_by: principal.principalId,
  version: 1,
  created_at: new Date('2026-01-02T03:04:05.000Z'),
  updated_at: new Date('2026-01-02T03:04:05.000Z'),
};

describe('policies schemas', () => {
  it('trims a name and refuses an empty, an over-long or a hidden-character one', () => {
    expect(CreatePolicyBody.parse({ name: '  First  ' })).toEqual({ name: 'First' });
    expect(CreatePolicyBody.safeParse({ name: '   ' }).success).toBe(false);
    expect(CreatePolicyBody.safeParse({ name: 'x'.repeat(201) }).success).toBe(false);
    expect(CreatePolicyBody.safeParse({ name: 'bad\u202Ename' }).success).toBe(false);
  });

  it('refuses fields it does not know and bounds the page size', () => {
    expect(CreatePolicyBody.safeParse({ name: 'First', tenantId: principal.tenantId }).success).toBe(false);
    expect(ListPoliciesQuery.safeParse({ limit: '101' }).success).toBe(false);
    expect(ListPoliciesQuery.parse({})).toMatchObject({ limit: 20 });
  });
});

describe('policies use cases', () => {
  it("creates in the caller's tenant with a new id and the caller as creator", async () => {
    const { tx, statements } = fakeTx([row]);

    const created = await createPolicy({ name: 'First' }, { tx, principal, newId: () => row.id });

    expect(created).toEqual({
      id: row.id,
      name: 'First',
      createdBy: principal.principalId,
      version: 1,
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(statements[0]?.values).toEqual([principal.tenantId, row.id, 'First', principal.principalId]);
  });

  it('answers 404 for a policy the tenant does not have', async () => {
    const { tx, statements } = fakeTx([]);

    await expect(getPolicy(row.id, { tx, principal })).rejects.toBeInstanceOf(NotFoundError);
    expect(statements[0]?.values).toEqual([principal.tenantId, row.id]);
  });
});
