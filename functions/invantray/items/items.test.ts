import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { NotFoundError } from '@halooid/shared/errors';
import { describe, expect, it } from 'vitest';
import { createItem } from './create-item';
import { getItem } from './get-item';
import { CreateItemBody, ListItemsQuery } from './schemas';

const principal: Principal = {
  tenantId: '0195e0a0-0000-7000-8000-000000000001',
  principalId: '0195e0a0-0000-7000-8000-000000000002',
  principalType: 'user',
  grants: ['invantray:*:*'],
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

describe('items schemas', () => {
  it('trims a name and refuses an empty, an over-long or a hidden-character one', () => {
    expect(CreateItemBody.parse({ name: '  First  ' })).toEqual({ name: 'First' });
    expect(CreateItemBody.safeParse({ name: '   ' }).success).toBe(false);
    expect(CreateItemBody.safeParse({ name: 'x'.repeat(201) }).success).toBe(false);
    expect(CreateItemBody.safeParse({ name: 'bad\u202Ename' }).success).toBe(false);
  });

  it('refuses fields it does not know and bounds the page size', () => {
    expect(CreateItemBody.safeParse({ name: 'First', tenantId: principal.tenantId }).success).toBe(false);
    expect(ListItemsQuery.safeParse({ limit: '101' }).success).toBe(false);
    expect(ListItemsQuery.parse({})).toMatchObject({ limit: 20 });
  });
});

describe('items use cases', () => {
  it("creates in the caller's tenant with a new id and the caller as creator", async () => {
    const { tx, statements } = fakeTx([row]);

    const created = await createItem({ name: 'First' }, { tx, principal, newId: () => row.id });

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

  it('answers 404 for an item the tenant does not have', async () => {
    const { tx, statements } = fakeTx([]);

    await expect(getItem(row.id, { tx, principal })).rejects.toBeInstanceOf(NotFoundError);
    expect(statements[0]?.values).toEqual([principal.tenantId, row.id]);
  });
});
