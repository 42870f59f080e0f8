import path from 'node:path';
import { startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { discoverMigrations, migrate } from './migrate';
import { getPool } from './pool';
import { withTenantTransaction } from './transaction';

let platform: TestPlatform;
let acmeId: string;
let globexId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  const { rows } = await platform.db.query<{ id: string; slug: string }>(
    'select id, slug from platform.tenants',
  );
  acmeId = rows.find((row) => row.slug === 'acme')?.id ?? '';
  globexId = rows.find((row) => row.slug === 'globex')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

describe('row-level security is the backstop', () => {
  it('returns only the current tenant rows to a query that forgets WHERE tenant_id', async () => {
    const { rows: all } = await platform.db.query('select tenant_id from taskodex.tasks');
    expect(new Set(all.map((row) => row.tenant_id))).toEqual(new Set([acmeId, globexId])); // both tenants have rows

    const seen = await withTenantTransaction({ tenantId: acmeId }, async (tx) => {
      const { rows } = await tx.query<{ tenant_id: string }>('select tenant_id from taskodex.tasks');
      return rows;
    });

    expect(seen.length).toBe(all.filter((row) => row.tenant_id === acmeId).length);
    expect(new Set(seen.map((row) => row.tenant_id))).toEqual(new Set([acmeId]));
  });

  it('shows nothing when no tenant is set', async () => {
    const count = await withTenantTransaction({}, async (tx) => {
      const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from taskodex.tasks');
      return rows[0]?.n;
    });

    expect(count).toBe(0);
  });

  it('refuses to write a row into another tenant', async () => {
    const attempt = withTenantTransaction({ tenantId: acmeId }, (tx) =>
      tx.query(
        `insert into taskodex.tasks (tenant_id, id, title, status, created_by)
         values ($1, gen_random_uuid(), 'smuggled', 'todo', gen_random_uuid())`,
        [globexId],
      ),
    );

    await expect(attempt).rejects.toThrow(/row-level security/);
    const { rows } = await platform.db.query(
      "select count(*)::int as n from taskodex.tasks where title = 'smuggled'",
    );
    expect(rows[0].n).toBe(0);
  });

  it('cannot change another tenant rows with an unfiltered UPDATE', async () => {
    const changed = await withTenantTransaction({ tenantId: acmeId }, async (tx) => {
      const result = await tx.query("update taskodex.tasks set description = description || ' (touched)'");
      return result.rowCount;
    });

    const { rows } = await platform.db.query(
      "select count(*)::int as n from taskodex.tasks where tenant_id = $1 and description like '%(touched)'",
      [globexId],
    );
    expect(changed).toBeGreaterThan(0);
    expect(rows[0].n).toBe(0);
  });

  it('runs requests as halooid_app, which cannot bypass RLS, and leaves no setting behind', async () => {
    const inside = await withTenantTransaction({ tenantId: acmeId }, async (tx) => {
      const { rows } = await tx.query<{ role: string; bypass: boolean }>(
        "select current_user as role, rolbypassrls as bypass from pg_roles where rolname = 'halooid_app'",
      );
      return rows[0];
    });
    const client = await getPool().connect();
    const after = await client.query(
      "select current_user as role, coalesce(current_setting('app.tenant_id', true), '') as tenant",
    );
    client.release();

    expect(inside).toEqual({ role: 'halooid_app', bypass: false });
    expect(after.rows[0].role).not.toBe('halooid_app');
    expect(after.rows[0].tenant).toBe('');
  });
});

describe('the tenant transaction', () => {
  it('rolls back everything when the work throws', async () => {
    const attempt = withTenantTransaction({ tenantId: acmeId }, async (tx) => {
      await tx.query(
        `insert into taskodex.tasks (tenant_id, id, title, status, created_by)
         values ($1, gen_random_uuid(), 'half written', 'todo', gen_random_uuid())`,
        [acmeId],
      );
      throw new Error('second step failed');
    });

    await expect(attempt).rejects.toThrow('second step failed');
    const { rows } = await platform.db.query(
      "select count(*)::int as n from taskodex.tasks where title = 'half written'",
    );
    expect(rows[0].n).toBe(0);
  });

  it('retries once on a fresh connection when the first one turns out dead', async () => {
    const pool = getPool();
    const release = vi.fn();
    const dead = {
      query: vi.fn().mockRejectedValue(Object.assign(new Error('Connection terminated unexpectedly'), {})),
      release,
    };
    const connect = vi.spyOn(pool, 'connect').mockResolvedValueOnce(dead as never);

    const result = await withTenantTransaction({ tenantId: acmeId }, async (tx) => {
      const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from taskodex.tasks');
      return rows[0]?.n;
    });

    expect(result).toBeGreaterThan(0);
    // At least the dead checkout and a fresh one; the platform's background
    // outbox relay may check out connections of its own meanwhile.
    expect(connect.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(release).toHaveBeenCalledWith(expect.any(Error)); // the dead connection is destroyed, not pooled
    connect.mockRestore();
  });
});

describe('the migration runner', () => {
  it('applies nothing the second time', async () => {
    const client = await getPool().connect();
    try {
      const migrations = await discoverMigrations(path.resolve(import.meta.dirname, '../../../functions'));
      const result = await migrate(client, migrations);

      expect(result.applied).toEqual([]);
      expect(result.alreadyApplied).toBe(migrations.length);
      expect(migrations[0]?.product).toBe('platform');
    } finally {
      client.release();
    }
  });

  it('refuses a migration edited after it was applied', async () => {
    const client = await getPool().connect();
    try {
      const migrations = await discoverMigrations(path.resolve(import.meta.dirname, '../../../functions'));
      const edited = migrations.map((migration, index) =>
        index === 0 ? { ...migration, sql: `${migration.sql}\n-- edited` } : migration,
      );

      await expect(migrate(client, edited)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      client.release();
    }
  });
});
