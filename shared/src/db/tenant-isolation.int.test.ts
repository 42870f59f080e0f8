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
  it('starts in one round trip with the role, tenant and user set', async () => {
    const userId = '0193a5e4-7c1d-7000-8000-00000000abcd';
    const pool = getPool();
    const connect = pool.connect.bind(pool);
    // One list of statements per checked-out client: the platform's background relay may check out its own.
    const clients: string[][] = [];
    const spy = vi.spyOn(pool, 'connect').mockImplementation((async () => {
      const client = await connect();
      const sent: string[] = [];
      clients.push(sent);
      const query = client.query.bind(client);
      client.query = ((text: string, values?: unknown[]) => {
        sent.push(text);
        return query(text, values);
      }) as typeof client.query;
      return client;
    }) as never);

    const inside = await withTenantTransaction({ tenantId: acmeId, userId }, async (tx) => {
      const { rows } = await tx.query<{ role: string; tenant: string; user: string }>(
        "select current_user as role, current_setting('app.tenant_id') as tenant, current_setting('app.user_id') as user",
      );
      return rows[0];
    });
    spy.mockRestore();

    expect(inside).toEqual({ role: 'halooid_app', tenant: acmeId, user: userId });
    const ours = clients.find((sent) => sent.some((text) => text.startsWith('select current_user as role')));
    // begin + login + role + settings in one round trip, then the work, then commit. The local
    // runtime connects as the owner, so the transaction takes on the request login first.
    expect(ours).toHaveLength(3);
    expect(ours?.[0]).toMatch(
      /^begin; set local session authorization halooid_request_login; set local role halooid_app; select set_config\('app.tenant_id'/,
    );
    expect(ours?.[2]).toBe('commit');
  });

  it('binds a tenant id that is not a UUID as a parameter instead of writing it into SQL', async () => {
    const hostile = "x', true); drop table taskodex.tasks; --";

    const seen = await withTenantTransaction({ tenantId: hostile }, async (tx) => {
      const { rows } = await tx.query<{ role: string; tenant: string }>(
        "select current_user as role, current_setting('app.tenant_id') as tenant",
      );
      return rows[0];
    });

    expect(seen).toEqual({ role: 'halooid_app', tenant: hostile });
    const { rows } = await platform.db.query('select count(*)::int as n from taskodex.tasks');
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('leaves app.user_id empty for a principal that is not a user (an API key), so user policies still cast', async () => {
    const seen = await withTenantTransaction(
      { tenantId: acmeId, userId: "apikey:abc', true); drop table taskodex.tasks; --" },
      async (tx) => {
        const { rows } = await tx.query<{ user: string; members: number }>(
          `select current_setting('app.user_id') as user,
                  (select count(*)::int from platform.memberships) as members`,
        );
        return rows[0];
      },
    );

    expect(seen?.user).toBe('');
    expect(seen?.members).toBeGreaterThan(0);
  });

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
