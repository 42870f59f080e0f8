import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let owner: Session;
let acmeId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, owner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('owner@acme.example'),
  ]);
  acmeId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

const createJob = (body: unknown) =>
  platform.request('POST', '/v1/adminhub/bulk-jobs', { headers: admin.headers('acme'), body });

/** `count` members of Acme with the given role, arranged as rows (no Cognito accounts: bulk jobs need none). */
async function arrangeMembers(count: number, label: string, roleKey = 'member'): Promise<string[]> {
  const { rows } = await platform.db.query(
    `with people as (
       select gen_random_uuid() as id, n from generate_series(1, $2::int) n
     ), users as (
       insert into platform.users (id, email, name)
       select id, format('%s-%s-%s@bulk-test.example', $3::text, n, left(id::text, 8)), format('Bulk %s %s', $3::text, n)
         from people returning id
     ), memberships as (
       insert into platform.memberships (tenant_id, user_id) select $1, id from users returning user_id
     )
     insert into platform.member_roles (tenant_id, user_id, role_id)
     select $1, user_id, (select id from platform.roles where tenant_id = $1 and key = $4) from memberships
     returning user_id`,
    [acmeId, count, label, roleKey],
  );
  return rows.map((row: { user_id: string }) => row.user_id);
}

describe('bulk jobs', () => {
  it('disables 50 members as one job with 50 results, one audit record per member and one for the job', async () => {
    const ids = await arrangeMembers(50, `disable${randomUUID().slice(0, 6)}`);

    const started = Date.now();
    const job = await createJob({ action: 'disable', selection: { userIds: ids } });
    const took = Date.now() - started;
    const read = await platform.request('GET', `/v1/adminhub/bulk-jobs/${job.body.id}`, {
      headers: admin.headers('acme'),
    });

    expect(job.status).toBe(201);
    expect(job.body).toMatchObject({
      action: 'disable',
      status: 'completed',
      total: 50,
      succeeded: 50,
      failed: 0,
    });
    expect(job.body.results).toHaveLength(50);
    expect(new Set(job.body.results.map((result: { memberId: string }) => result.memberId))).toEqual(
      new Set(ids),
    );
    expect(read.body).toEqual(job.body);
    // Revocations run concurrently: fifty sequential one-second waits would take ~50 s.
    expect(took).toBeLessThan(15_000);
    const { rows: statuses } = await platform.db.query(
      `select distinct status from platform.memberships where tenant_id = $1 and user_id = any($2::uuid[])`,
      [acmeId, ids],
    );
    expect(statuses).toEqual([{ status: 'suspended' }]);
    const { rows: audit } = await platform.db.query(
      `select action, count(*)::int as n from platform.audit_log
        where tenant_id = $1 and (target_id = any($2::text[]) or target_id = $3)
        group by action order by action`,
      [acmeId, ids, job.body.id],
    );
    expect(audit).toEqual([
      { action: 'adminhub.bulk_job.completed', n: 1 },
      { action: 'adminhub.user.disabled', n: 50 },
    ]);
  });

  it('reports skipped and failed members beside the ones it changed, and changes nothing it refused', async () => {
    const [done = '', already = ''] = await arrangeMembers(2, `mixed${randomUUID().slice(0, 6)}`);
    await createJob({ action: 'disable', selection: { userIds: [already] } });
    const stranger = randomUUID();

    const job = await createJob({
      action: 'disable',
      selection: { userIds: [done, already, owner.userId, admin.userId, stranger] },
    });
    const outcome = (id: string) =>
      job.body.results.find((result: { memberId: string }) => result.memberId === id)?.outcome;

    expect(job.status).toBe(201);
    expect(job.body).toMatchObject({ total: 5, succeeded: 1, skipped: 2, failed: 2 });
    expect([outcome(done), outcome(already), outcome(admin.userId)]).toEqual(['ok', 'skipped', 'skipped']);
    expect([outcome(owner.userId), outcome(stranger)]).toEqual(['failed', 'failed']);
    const { rows } = await platform.db.query(
      'select status from platform.memberships where tenant_id = $1 and user_id = $2',
      [acmeId, owner.userId],
    );
    expect(rows).toEqual([{ status: 'active' }]);
  });

  it('assigns a role over a filter, and refuses a bad body, an unknown role and a viewer', async () => {
    const label = `assign${randomUUID().slice(0, 6)}`;
    const ids = await arrangeMembers(3, label);
    const { rows } = await platform.db.query(
      `select id from platform.roles where tenant_id = $1 and key = 'viewer'`,
      [acmeId],
    );
    const viewerRole = rows[0].id;
    const viewer = await platform.login('viewer@acme.example');

    const job = await createJob({
      action: 'assign_role',
      roleId: viewerRole,
      selection: { filter: { q: label } },
    });
    const noRole = await createJob({ action: 'assign_role', selection: { userIds: ids } });
    const unknownRole = await createJob({
      action: 'assign_role',
      roleId: randomUUID(),
      selection: { userIds: ids },
    });
    const byViewer = await platform.request('POST', '/v1/adminhub/bulk-jobs', {
      headers: viewer.headers('acme'),
      body: { action: 'sign_out', selection: { userIds: ids } },
    });

    expect(job.status).toBe(201);
    expect(job.body).toMatchObject({ total: 3, succeeded: 3 });
    const { rows: held } = await platform.db.query(
      'select count(*)::int as n from platform.member_roles where tenant_id = $1 and role_id = $2 and user_id = any($3::uuid[])',
      [acmeId, viewerRole, ids],
    );
    expect(held).toEqual([{ n: 3 }]);
    const signOut = await createJob({ action: 'sign_out', selection: { userIds: ids } });
    expect(signOut.body).toMatchObject({ total: 3, skipped: 3 });
    expect(noRole.status).toBe(400);
    expect(unknownRole.status).toBe(400);
    expect(byViewer.status).toBe(403);
  });

  it('signs out members whose account Acme manages, and fails the ones who also belong to another workspace', async () => {
    const [managed = '', shared = ''] = await arrangeMembers(2, `signout${randomUUID().slice(0, 6)}`);
    await platform.db.query(
      `insert into platform.memberships (tenant_id, user_id)
       select id, $1 from platform.tenants where slug = 'globex'`,
      [shared],
    );

    const job = await createJob({ action: 'sign_out', selection: { userIds: [managed, shared] } });
    const result = (id: string) =>
      job.body.results.find((item: { memberId: string }) => item.memberId === id);

    expect(job.status).toBe(201);
    expect(job.body).toMatchObject({ total: 2, skipped: 1, failed: 1 });
    expect(result(managed)?.outcome).toBe('skipped');
    expect(result(shared)).toMatchObject({
      outcome: 'failed',
      reason: expect.stringContaining('also belongs to another workspace'),
    });
  });
});
