import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let acmeId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = await platform.login('admin@acme.example');
  acmeId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

const importCsv = (csv: string, query = '') =>
  platform.request('POST', `/v1/adminhub/user-import${query}`, {
    headers: { ...admin.headers('acme'), 'content-type': 'text/csv' },
    rawBody: csv,
  });

async function membership(email: string) {
  const { rows } = await platform.db.query(
    `select m.status, array_agg(r.key order by r.key) as roles
       from platform.users u
       join platform.memberships m on m.user_id = u.id and m.tenant_id = $1
       join platform.member_roles mr on mr.tenant_id = m.tenant_id and mr.user_id = m.user_id
       join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id
      where lower(u.email) = lower($2) group by m.status`,
    [acmeId, email],
  );
  return rows[0];
}

describe('user import', () => {
  it('checks every row in a dry run, then invites the good ones with their roles and reports the rest by row', async () => {
    const tag = randomUUID().slice(0, 8);
    const [ada, bob] = [`ada-${tag}@import-test.example`, `bob-${tag}@import-test.example`];
    const csv = [
      'Email,Full name,Roles,Employee no',
      `${ada},Ada Lovelace,Viewer;member,E1`,
      `${bob},,,E2`,
      'not-an-email,Nobody,,E3',
      `${ada.toUpperCase()},Ada Again,,E4`,
      `carl-${tag}@import-test.example,Carl,wizard,E5`,
      `dora-${tag}@import-test.example,Dora,owner,E6`,
      'admin@acme.example,Adam,,E7',
    ].join('\n');

    const dry = await importCsv(csv, '?dryRun=true');
    const beforeReal = await membership(ada);
    const real = await importCsv(csv);

    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      invited: 2,
      skipped: 1,
      failed: 4,
      ignoredColumns: ['Employee no'],
    });
    expect(beforeReal).toBeUndefined();
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ dryRun: false, invited: 2, skipped: 1, failed: 4 });
    expect(real.body.rows.map((row: { line: number; outcome: string }) => [row.line, row.outcome])).toEqual([
      [2, 'invited'],
      [3, 'invited'],
      [4, 'failed'],
      [5, 'failed'],
      [6, 'failed'],
      [7, 'failed'],
      [8, 'skipped'],
    ]);
    expect(real.body.rows[3].reason).toContain('line 2');
    expect(real.body.rows[4].reason).toContain('wizard');
    expect(await membership(ada)).toEqual({ status: 'active', roles: ['member', 'viewer'] });
    expect(await membership(bob)).toEqual({ status: 'active', roles: ['member'] });
    const { rows: audit } = await platform.db.query(
      `select action, count(*)::int as n from platform.audit_log
        where tenant_id = $1 and (action = 'adminhub.user_import.completed' or details->>'importId' is not null)
        group by action order by action`,
      [acmeId],
    );
    expect(audit).toEqual([
      { action: 'adminhub.user_import.completed', n: 1 },
      { action: 'member.invited', n: 2 },
    ]);
  });

  it("applies the security policy's allowed domains, takes JSON, and refuses a file without an email column", async () => {
    await platform.db.query(
      `insert into platform.security_policies (tenant_id, version, policy, created_by)
       values ($1, (select coalesce(max(version), 0) + 1 from platform.security_policies where tenant_id = $1), $2, 'test')`,
      [acmeId, JSON.stringify({ invitations: { allowedDomains: ['allowed-import.example'] } })],
    );
    const tag = randomUUID().slice(0, 8);

    const result = await platform.request('POST', '/v1/adminhub/user-import', {
      headers: admin.headers('acme'),
      body: { csv: `email\nin-${tag}@allowed-import.example\nout-${tag}@elsewhere.example` },
    });
    const noEmail = await importCsv('name\nAda');
    const viewer = await platform.login('viewer@acme.example');
    const byViewer = await platform.request('POST', '/v1/adminhub/user-import', {
      headers: viewer.headers('acme'),
      body: { csv: 'email\nx@allowed-import.example', dryRun: true },
    });

    expect(result.status).toBe(200);
    expect(result.body.rows.map((row: { outcome: string }) => row.outcome)).toEqual(['invited', 'failed']);
    expect(result.body.rows[1].reason).toContain('elsewhere.example');
    expect(noEmail.status).toBe(400);
    expect(byViewer.status).toBe(403);
  });
});
