import { gunzipSync } from 'node:zlib';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { PRODUCTS } from '@halooid/functions/registry';
import { statusWithin } from '@halooid/local/testing/eventually';
import { signInOperator } from '@halooid/local/testing/operators';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { tenantPrefix } from '@halooid/shared/storage/object-store';
import { getObjectStore } from '@halooid/shared/storage/s3-object-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIFECYCLE_ACTOR } from './deletion-job';

/**
 * The acceptance of tenant export and deletion: Acme and Globex with every
 * product's demo data; Acme's archive holds exactly its rows of every table
 * the catalog shows with a tenant_id (counted here independently of the
 * export's own discovery) and nothing of Globex; the deletion leaves no Acme
 * row in any of those tables, Globex's counts unchanged, and Acme's S3 prefix
 * empty. Operators call their routes through the gateway, signed in with MFA.
 */
let platform: TestPlatform;
let admin: Session;
let viewer: Session;
let acmeId: string;
let globexId: string;
let globexMembers: string[];

/** The operators' record of a tenant, kept by design after its deletion (docs/decisions.md). */
const KEPT_AFTER_DELETION = new Set(['platform.operator_audit']);

let operator: Record<string, string>;

const asOperator = (method: string, path: string, body?: unknown) =>
  platform.request(method, path, { headers: operator, body });

/** Every table with a tenant_id column, straight from information_schema (as the database owner). */
async function tenantTables(): Promise<string[]> {
  const { rows } = await platform.db.query<{ name: string }>(
    `select c.table_schema || '.' || c.table_name as name
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
        and c.table_schema not in ('pg_catalog', 'information_schema')
      order by 1`,
  );
  return rows.map((row) => row.name);
}

async function countsOf(tenantId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tenantTables()) {
    const { rows } = await platform.db.query<{ n: string }>(
      `select count(*) as n from ${table} where tenant_id = $1`,
      [tenantId],
    );
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

async function membersOf(tenantId: string): Promise<string[]> {
  const { rows } = await platform.db.query<{ user_id: string }>(
    'select user_id from platform.memberships where tenant_id = $1 order by user_id',
    [tenantId],
  );
  return rows.map((row) => row.user_id);
}

beforeAll(async () => {
  platform = await startTestPlatform({ demoProducts: PRODUCTS.map((product) => product.key) });
  [admin, viewer] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('viewer@acme.example'),
  ]);
  acmeId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
  const { rows } = await platform.db.query<{ id: string }>(
    "select id from platform.tenants where slug = 'globex'",
  );
  globexId = rows[0]?.id ?? '';
  globexMembers = await membersOf(globexId);
  operator = { authorization: `Bearer ${(await signInOperator(platform, { mfa: true })).accessToken}` };
}, 180_000);

afterAll(async () => {
  await platform?.stop();
});

describe('tenant data export', () => {
  let exportId: string;

  it('is queued by an admin (202, audited), refused to a viewer, and one at a time', async () => {
    const refused = await platform.request('POST', '/v1/adminhub/data-exports', {
      headers: viewer.headers('acme'),
    });
    const queued = await platform.request('POST', '/v1/adminhub/data-exports', {
      headers: admin.headers('acme'),
    });
    const again = await platform.request('POST', '/v1/adminhub/data-exports', {
      headers: admin.headers('acme'),
    });

    expect(refused.status).toBe(403);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ status: 'queued', requestedByType: 'user', download: null });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'export_in_progress', existingId: queued.body.id });
    exportId = queued.body.id;
    const { rows } = await platform.db.query(
      `select actor_id from platform.audit_log where tenant_id = $1 and action = 'adminhub.data-export.create' and target_id = $2`,
      [acmeId, exportId],
    );
    expect(rows).toEqual([{ actor_id: admin.userId }]);
  });

  it('holds every row of the tenant in every table, per-table counts as the database has them, and nothing of another tenant', async () => {
    await platform.jobs.run('adminhub-export-worker');
    const expected = await countsOf(acmeId);
    const members = await membersOf(acmeId);

    const got = await platform.request('GET', `/v1/adminhub/data-exports/${exportId}`, {
      headers: admin.headers('acme'),
    });
    const other = await platform.request('GET', `/v1/adminhub/data-exports/${exportId}`, {
      headers: (await platform.login('owner@globex.example')).headers('globex'),
    });
    expect(got.status).toBe(200);
    expect(got.body.status).toBe('ready');
    expect(other.status).toBe(404);
    const download = await fetch(got.body.download.url);
    expect(download.status).toBe(200);
    const lines = gunzipSync(Buffer.from(await download.arrayBuffer()))
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));

    const [first, ...rows] = lines;
    expect(first.manifest).toMatchObject({
      format: 'halooid.tenant-export',
      version: 1,
      tenant: { id: acmeId, slug: 'acme' },
    });
    const archived: Record<string, number> = {};
    for (const line of rows) archived[line.table] = (archived[line.table] ?? 0) + 1;
    for (const [table, count] of Object.entries(expected)) {
      if (KEPT_AFTER_DELETION.has(table)) continue;
      expect({ table, rows: archived[table] ?? 0 }).toEqual({ table, rows: count });
    }
    // The manifest says the same, and lists every table, empty ones included.
    const listed = Object.fromEntries(
      first.manifest.tables.map((t: { table: string; rows: number }) => [t.table, t.rows]),
    );
    for (const [table, count] of Object.entries(expected)) {
      if (!KEPT_AFTER_DELETION.has(table))
        expect({ table, rows: listed[table] }).toEqual({ table, rows: count });
    }
    expect(first.manifest.rows).toBe(rows.length);
    // Every product's demo data is in it, not just the platform's.
    for (const product of PRODUCTS.filter((p) => p.key !== 'platform' && p.key !== 'adminhub')) {
      const productRows = Object.entries(archived).filter(([table]) => table.startsWith(`${product.key}.`));
      expect({ product: product.key, rows: productRows.reduce((sum, [, n]) => sum + n, 0) > 0 }).toEqual({
        product: product.key,
        rows: true,
      });
    }
    // Nothing of another tenant: each row is Acme's, the tenant row is Acme, the users are its members.
    expect(rows.filter((line) => 'tenant_id' in line.row && line.row.tenant_id !== acmeId)).toEqual([]);
    expect(rows.filter((line) => line.table === 'platform.tenants').map((line) => line.row.id)).toEqual([
      acmeId,
    ]);
    expect(
      rows
        .filter((line) => line.table === 'platform.users')
        .map((line) => line.row.id)
        .sort(),
    ).toEqual(members);
    expect(JSON.stringify(rows)).not.toContain(globexId);
    expect(got.body.tables).toEqual(first.manifest.tables);
  });

  it('can be asked for by an operator for any tenant (audited, reads too), and lists newest first without links', async () => {
    const queued = await asOperator('POST', `/v1/operator/tenants/${globexId}/exports`);
    const asAdmin = await platform.request('POST', `/v1/operator/tenants/${globexId}/exports`, {
      headers: admin.headers('acme'),
    });
    await platform.jobs.run('adminhub-export-worker');
    const read = await asOperator('GET', `/v1/operator/exports/${queued.body.id}`);

    const list = await platform.request('GET', '/v1/adminhub/data-exports', {
      headers: admin.headers('acme'),
    });
    const { rows: audited } = await platform.db.query(
      `select action from platform.operator_audit where tenant_id = $1 and target_id = $2 order by occurred_at`,
      [globexId, queued.body.id],
    );

    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ tenantId: globexId, requestedByType: 'operator', status: 'queued' });
    expect(asAdmin.status).toBe(403);
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('ready');
    expect((await fetch(read.body.download.url)).status).toBe(200);
    expect(audited).toEqual([
      { action: 'adminhub.data-export.create' },
      { action: 'adminhub.data-export.download' },
    ]);
    expect(list.status).toBe(200);
    expect(
      list.body.items.map((item: { id: string; download: unknown }) => [item.id, item.download]),
    ).toEqual([[exportId, null]]);
  });
});

describe('tenant deletion', () => {
  it('is refused without the right slug, suspends the tenant (its requests refused), and a cancellation resumes it', async () => {
    const adminCall = () =>
      platform.request('GET', '/v1/adminhub/data-exports', { headers: admin.headers('acme') });
    const wrongSlug = await asOperator('POST', `/v1/operator/tenants/${acmeId}/deletion`, {
      confirmSlug: 'globex',
    });
    const scheduled = await asOperator('POST', `/v1/operator/tenants/${acmeId}/deletion`, {
      confirmSlug: 'acme',
    });
    const whileSuspended = await statusWithin(5_000, adminCall, 403);
    const again = await asOperator('POST', `/v1/operator/tenants/${acmeId}/deletion`, {
      confirmSlug: 'acme',
    });
    const cancelled = await asOperator('DELETE', `/v1/operator/tenants/${acmeId}/deletion`);
    const afterCancel = await statusWithin(5_000, adminCall, 200);
    const read = await asOperator('GET', `/v1/operator/tenants/${acmeId}/deletion`);

    expect(wrongSlug.status).toBe(422);
    expect(wrongSlug.body.code).toBe('slug_mismatch');
    expect(scheduled.status).toBe(202);
    expect(scheduled.body.status).toBe('scheduled');
    expect(new Date(scheduled.body.dueAt).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(whileSuspended).toBe(403);
    expect(again.status).toBe(409);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(afterCancel).toBe(200);
    expect(read.body).toMatchObject({ id: scheduled.body.id, status: 'cancelled' });
  });

  it('cannot be carried out, nor the tenant read, by a worker without a due deletion or a running export', async () => {
    // halooid_worker is every worker's role: the purge function itself refuses a tenant nobody scheduled.
    const purge = platform.db.query(
      `set local role halooid_worker;
       select adminhub.purge_rows('${acmeId}'::uuid, 'adminhub.data_exports'::regclass)`,
    );

    const read = platform.db.query(
      `set local role halooid_worker;
       select adminhub.export_rows('${acmeId}'::uuid, 'adminhub.data_exports'::regclass)`,
    );

    await expect(purge).rejects.toMatchObject({ code: '42501' });
    await expect(read).rejects.toMatchObject({ code: '42501' });
    const { rows } = await platform.db.query<{ n: string }>(
      'select count(*) as n from adminhub.data_exports where tenant_id = $1',
      [acmeId],
    );
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });

  it('once due, leaves no row of the tenant in any table and no file in storage, and the other tenant as it was', async () => {
    const globexBefore = await countsOf(globexId);
    const acmeOnly = (await membersOf(acmeId)).filter((id) => !globexMembers.includes(id));
    const { rows: accounts } = await platform.db.query<{ id: string; email: string }>(
      'select id, lower(email) as email from platform.users where id = any($1)',
      [[...acmeOnly, ...globexMembers]],
    );
    const acmeBefore = await countsOf(acmeId);
    expect(Object.values(acmeBefore).some((count) => count > 0)).toBe(true);
    expect((await getObjectStore().list(tenantPrefix(acmeId))).length).toBeGreaterThan(0);

    const scheduled = await asOperator('POST', `/v1/operator/tenants/${acmeId}/deletion`, {
      confirmSlug: 'acme',
    });
    expect(scheduled.status).toBe(202);
    await platform.jobs.run('adminhub-tenant-deletion');
    const { rows: notYet } = await platform.db.query(
      'select count(*)::int as n from platform.tenants where id = $1',
      [acmeId],
    );
    // The grace period, forced over.
    await platform.db.query(
      "update adminhub.tenant_deletions set due_at = now() where subject_tenant_id = $1 and status = 'scheduled'",
      [acmeId],
    );
    await platform.jobs.run('adminhub-tenant-deletion');

    expect(notYet).toEqual([{ n: 1 }]);
    const acmeAfter = await countsOf(acmeId);
    for (const [table, count] of Object.entries(acmeAfter)) {
      if (KEPT_AFTER_DELETION.has(table)) continue;
      expect({ table, rows: count }).toEqual({ table, rows: 0 });
    }
    expect(await countsOf(globexId)).toEqual(globexBefore);
    expect(await getObjectStore().list(tenantPrefix(acmeId))).toEqual([]);
    const { rows: users } = await platform.db.query<{ id: string }>(
      'select id from platform.users where id = any($1)',
      [[...acmeOnly, ...globexMembers]],
    );
    expect(users.map((user) => user.id).sort()).toEqual([...globexMembers].sort());
    // Their sign-in accounts too: gone for Acme's own people, kept for those Globex still has.
    const signIn = (email: string) =>
      platform.cognito
        .send(new AdminGetUserCommand({ UserPoolId: platform.userPoolId, Username: email }))
        .then(
          () => 'kept',
          (error: { name?: string }) => (error.name === 'UserNotFoundException' ? 'deleted' : String(error)),
        );
    expect(accounts).toHaveLength(acmeOnly.length + globexMembers.length);
    for (const account of accounts) {
      expect({ account: account.email, signIn: await signIn(account.email) }).toEqual({
        account: account.email,
        signIn: globexMembers.includes(account.id) ? 'kept' : 'deleted',
      });
    }
    const { rows: deletion } = await platform.db.query(
      `select status, deleted_objects, deleted_users from adminhub.tenant_deletions
        where subject_tenant_id = $1 and status = 'completed'`,
      [acmeId],
    );
    expect(deletion).toEqual([{ status: 'completed', deleted_objects: 1, deleted_users: acmeOnly.length }]);
    const { rows: audit } = await platform.db.query(
      `select operator_id, action from platform.operator_audit where tenant_id = $1 order by occurred_at desc limit 1`,
      [acmeId],
    );
    expect(audit).toEqual([{ operator_id: LIFECYCLE_ACTOR, action: 'adminhub.tenant.delete' }]);
  });
});
