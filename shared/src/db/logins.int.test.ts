import { randomUUID } from 'node:crypto';
import { startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPool } from './pool';
import { withTenantTransaction, withWorkerTransaction } from './transaction';

/**
 * The two logins (platform/0007) and the tenant-scoped reads of tenants,
 * roles and memberships, against the real local platform: PGlite by default,
 * the server with DATABASE_URL. The local runtime connects as the owner and
 * each transaction takes on the AWS login of its kind (DB_LOGIN_MODE=assume),
 * so these are Postgres' own membership checks, not ours.
 */
let platform: TestPlatform;
let acmeId: string;
let globexId: string;
/** Maya Member belongs to Acme and Globex. */
let mayaId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  const { rows } = await platform.db.query<{ id: string; slug: string }>(
    'select id, slug from platform.tenants',
  );
  acmeId = rows.find((row) => row.slug === 'acme')?.id ?? '';
  globexId = rows.find((row) => row.slug === 'globex')?.id ?? '';
  const users = await platform.db.query<{ id: string }>(
    "select id from platform.users where email = 'member@acme.example'",
  );
  mayaId = users.rows[0]?.id ?? '';
  const both = await platform.db.query(
    'select tenant_id from platform.memberships where user_id = $1 and tenant_id = any($2::uuid[])',
    [mayaId, [acmeId, globexId]],
  );
  expect(both.rowCount).toBe(2); // the arrangement the cross-tenant checks rely on
});

afterAll(async () => {
  await platform?.stop();
});

describe('request and worker logins', () => {
  it('runs requests as halooid_request_login, which cannot become halooid_worker', async () => {
    const who = await withTenantTransaction({ tenantId: acmeId }, async (tx) => {
      const { rows } = await tx.query<{ login: string; role: string }>(
        'select session_user as login, current_user as role',
      );
      return rows[0];
    });
    const escalation = withTenantTransaction({ tenantId: acmeId }, (tx) =>
      tx.query('set local role halooid_worker'),
    );

    expect(who).toEqual({ login: 'halooid_request_login', role: 'halooid_app' });
    await expect(escalation).rejects.toThrow(/permission denied to set role "halooid_worker"/);
  });

  it('records in the catalogue that only the worker login holds the worker role', async () => {
    const { rows } = await platform.db.query<{ login: string; worker: boolean; app: boolean }>(
      `select rolname as login,
              pg_has_role(rolname, 'halooid_worker', 'MEMBER') as worker,
              pg_has_role(rolname, 'halooid_app', 'MEMBER') as app
         from pg_roles where rolname in ('halooid_request_login', 'halooid_worker_login') order by rolname`,
    );

    expect(rows).toEqual([
      { login: 'halooid_request_login', worker: false, app: true },
      { login: 'halooid_worker_login', worker: true, app: true },
    ]);
  });

  it('keeps the old shared login, halooid_app_login, from signing in at all', async () => {
    // Every newly migrated database re-runs platform/0005, which grants it halooid_worker
    // again server-wide: it must not be a way in (platform/0008).
    const { rows } = await platform.db.query<{ canLogin: boolean }>(
      `select rolcanlogin as "canLogin" from pg_roles where rolname = 'halooid_app_login'`,
    );

    expect(rows).toEqual([{ canLogin: false }]);
  });

  it('runs cross-tenant jobs as halooid_worker_login, which can become halooid_worker', async () => {
    const who = await withWorkerTransaction(async (tx) => {
      const { rows } = await tx.query<{ login: string; role: string }>(
        'select session_user as login, current_user as role',
      );
      return rows[0];
    });

    expect(who).toEqual({ login: 'halooid_worker_login', role: 'halooid_worker' });
  });

  it('leaves the connection as its owner after either kind of transaction, committed or failed', async () => {
    await withWorkerTransaction((tx) => tx.query('select 1'));
    await withTenantTransaction({ tenantId: acmeId }, (tx) => tx.query('select 1 from nowhere')).catch(
      () => {},
    );

    // The pool hands out the connection those transactions just returned.
    const client = await getPool().connect();
    const { rows } = await client.query('select session_user as login, current_user as role');
    client.release();
    expect(rows[0]).toEqual({ login: 'postgres', role: 'postgres' });
  });
});

describe('tenants, roles and memberships are read within the current tenant only', () => {
  it('hides every other tenant, even those the user belongs to', async () => {
    const seen = await withTenantTransaction({ tenantId: acmeId, userId: mayaId }, async (tx) => {
      const ids = async (sql: string) =>
        new Set((await tx.query<{ tenant: string }>(sql)).rows.map((row) => row.tenant));
      return {
        tenants: await ids('select id as tenant from platform.tenants'),
        roles: await ids('select tenant_id as tenant from platform.roles'),
        memberships: await ids('select tenant_id as tenant from platform.memberships'),
        memberRoles: await ids('select tenant_id as tenant from platform.member_roles'),
        byId: await ids(`select id as tenant from platform.tenants where id = '${globexId}'`),
      };
    });

    expect(seen.tenants).toEqual(new Set([acmeId]));
    expect(seen.roles).toEqual(new Set([acmeId]));
    expect(seen.memberships).toEqual(new Set([acmeId]));
    expect(seen.memberRoles).toEqual(new Set([acmeId]));
    expect(seen.byId.size).toBe(0);
  });

  it("lists the user's own tenants through platform.my_tenants(), with names only", async () => {
    const mine = await withTenantTransaction({ tenantId: acmeId, userId: mayaId }, async (tx) => {
      const { rows, fields } = await tx.query<{ id: string; roles: { key: string }[] }>(
        'select * from platform.my_tenants() order by name',
      );
      return { rows, columns: fields.map((field) => field.name) };
    });
    const nobody = await withTenantTransaction({ tenantId: acmeId }, async (tx) => {
      const { rowCount } = await tx.query('select * from platform.my_tenants()');
      return rowCount;
    });

    expect(new Set(mine.rows.map((row) => row.id))).toEqual(new Set([acmeId, globexId]));
    expect(mine.columns).toEqual(['id', 'name', 'slug', 'roles']); // no usage key, tier, settings or grants
    expect(mine.rows.every((row) => row.roles.some((role) => role.key === 'member'))).toBe(true);
    expect(nobody).toBe(0);
  });

  it('does not let the request role read the directory columns directly', async () => {
    const attempt = withTenantTransaction({ tenantId: acmeId, userId: mayaId }, (tx) =>
      tx.query('set local role halooid_directory'),
    );

    await expect(attempt).rejects.toThrow(/permission denied to set role "halooid_directory"/);
  });
});

describe('creating users', () => {
  it('refuses a user row that is neither the signed-in user nor a member of the current tenant', async () => {
    const stranger = randomUUID();
    const attempt = withTenantTransaction({ tenantId: acmeId, userId: mayaId }, (tx) =>
      tx.query(`insert into platform.users (id, email, name) values ($1, $2, 'Stray')`, [
        stranger,
        `${stranger}@example.com`,
      ]),
    );

    await expect(attempt).rejects.toThrow(/signed-in user or a member of the current tenant/);
    const { rowCount } = await platform.db.query('select 1 from platform.users where id = $1', [stranger]);
    expect(rowCount).toBe(0);
  });

  it('refuses one outside any tenant unless it is the signed-in user', async () => {
    const stranger = randomUUID();
    const attempt = withTenantTransaction({ userId: mayaId }, (tx) =>
      tx.query(`insert into platform.users (id, email, name) values ($1, $2, 'Stray')`, [
        stranger,
        `${stranger}@example.com`,
      ]),
    );

    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it('accepts an invitee who becomes a member of the current tenant in the same transaction', async () => {
    const invitee = randomUUID();
    await withTenantTransaction({ tenantId: acmeId, userId: mayaId }, async (tx) => {
      await tx.query(`insert into platform.users (id, email, name) values ($1, $2, 'Invitee')`, [
        invitee,
        `${invitee}@example.com`,
      ]);
      await tx.query(
        'insert into platform.memberships (tenant_id, user_id) values (platform.current_tenant_id(), $1)',
        [invitee],
      );
    });

    const { rows } = await platform.db.query(
      'select tenant_id from platform.memberships where user_id = $1',
      [invitee],
    );
    expect(rows).toEqual([{ tenant_id: acmeId }]);
  });
});
