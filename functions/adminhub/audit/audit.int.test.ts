import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { parseCsv } from '@halooid/shared/http/csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditRetention } from './retention-job';

let platform: TestPlatform;
let admin: Session;
let hr: Session;
let member: Session;
let viewer: Session;
let globexOwner: Session;
let acmeId = '';
let globexId = '';

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, hr, member, viewer, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('hr@acme.example'),
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  const { rows } = await platform.db.query<{ id: string; slug: string }>(
    "select id, slug from platform.tenants where slug in ('acme', 'globex')",
  );
  acmeId = rows.find((row) => row.slug === 'acme')?.id ?? '';
  globexId = rows.find((row) => row.slug === 'globex')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

const get = (as: Session, path: string, tenant = 'acme') =>
  platform.request('GET', path, { headers: as.headers(tenant) });

interface Entry {
  id: string;
  occurredAt: string;
  action: string;
  actor: { id: string; type: string; name: string | null; email: string | null };
  target: { type: string; id: string | null };
  ip: string | null;
}

/** Does an entry carry who, what, on what, from where and when? */
function fullyAttributed(entry: Entry | undefined, actor: Session) {
  expect(entry).toBeDefined();
  expect(entry?.actor).toMatchObject({ id: actor.userId, type: 'user' });
  expect(entry?.actor.email).toMatch(/@acme\.example$/);
  expect(entry?.ip).toEqual(expect.any(String));
  expect(entry?.target.type).toEqual(expect.any(String));
  expect(Date.now() - Date.parse(entry?.occurredAt ?? '')).toBeLessThan(120_000);
}

describe('audit log', () => {
  it('lists role changes, key creation, policy and settings changes and compensation reads with actor, target, IP and time', async () => {
    // Arrange: the audited actions of the acceptance, each through its own product's route.
    const roles = await get(admin, '/v1/rbac/roles?limit=100');
    const memberRole = roles.body.items.find((role: { key: string }) => role.key === 'member');
    const roleChange = await platform.request('PUT', `/v1/tenants/current/members/${member.userId}/roles`, {
      headers: admin.headers('acme'),
      body: { roleIds: [memberRole.id] },
    });
    const key = await platform.request('POST', '/v1/api-keys', {
      headers: admin.headers('acme'),
      body: { name: 'Audit test key', scopes: ['taskodex:task:read'] },
    });
    const current = await get(admin, '/v1/adminhub/security-policy');
    const policy = await platform.request('PUT', '/v1/adminhub/security-policy', {
      headers: admin.headers('acme'),
      body: {
        version: current.body.version,
        policy: { ...current.body.policy, password: { ...current.body.policy.password, minLength: 14 } },
      },
    });
    const settings = await platform.request('PATCH', '/v1/tenants/current', {
      headers: admin.headers('acme'),
      body: { name: 'Acme Corporation' },
    });
    const employee = await platform.request('POST', '/v1/qultrix/employees', {
      headers: hr.headers('acme'),
      body: {
        legalName: { given: 'Ada', family: 'Audit' },
        workEmail: 'ada.audit@acme.example',
        hireDate: '2024-01-15',
        status: 'active',
        type: 'full_time',
      },
    });
    const compensation = await get(hr, `/v1/qultrix/employees/${employee.body.id}/compensation`);
    expect([
      roleChange.status,
      key.status,
      policy.status,
      settings.status,
      employee.status,
      compensation.status,
    ]).toEqual([200, 201, 200, 200, 201, 200]);

    // Act
    const page = await get(admin, '/v1/adminhub/audit?limit=100');

    // Assert: newest first, each action attributed.
    expect(page.status).toBe(200);
    const entries: Entry[] = page.body.items;
    const times = entries.map((entry) => entry.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    const find = (action: string, targetId: string) =>
      entries.find((entry) => entry.action === action && entry.target.id === targetId);
    fullyAttributed(find('member.roles_changed', member.userId), admin);
    fullyAttributed(find('api-key.created', key.body.id), admin);
    fullyAttributed(find('adminhub.policy.updated', String(policy.body.version)), admin);
    fullyAttributed(find('tenant.updated', acmeId), admin);
    fullyAttributed(find('compensation.read', employee.body.id), hr);
    expect(find('api-key.created', key.body.id)?.actor.name).toBe('Adam Admin');
  });

  it('filters by actor, action prefix, target and free text, and pages without repeating a row', async () => {
    const byHr = await get(admin, `/v1/adminhub/audit?actor=${hr.userId}&limit=100`);
    const keys = await get(admin, '/v1/adminhub/audit?action=api-key.*');
    const targeted = await get(admin, `/v1/adminhub/audit?target=user:${member.userId}`);
    const text = await get(admin, `/v1/adminhub/audit?q=${encodeURIComponent('AUDIT TEST KEY')}`);
    const first = await get(admin, '/v1/adminhub/audit?limit=2');
    const second = await get(admin, `/v1/adminhub/audit?limit=2&cursor=${first.body.nextCursor}`);

    expect(byHr.body.items.length).toBeGreaterThan(0);
    expect(byHr.body.items.every((entry: Entry) => entry.actor.id === hr.userId)).toBe(true);
    expect(keys.body.items.map((entry: Entry) => entry.action)).toContain('api-key.created');
    expect(keys.body.items.every((entry: Entry) => entry.action.startsWith('api-key.'))).toBe(true);
    expect(targeted.body.items.map((entry: Entry) => entry.action)).toContain('member.roles_changed');
    expect(targeted.body.items.every((entry: Entry) => entry.target.id === member.userId)).toBe(true);
    expect(text.body.items.map((entry: Entry) => entry.action)).toEqual(['api-key.created']);
    expect(first.body.items).toHaveLength(2);
    const ids = [...first.body.items, ...second.body.items].map((entry: Entry) => entry.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('exports CSV with the filters and a row-count header, and JSON lines, and audits the export', async () => {
    const csv = await get(admin, '/v1/adminhub/audit/export?format=csv&action=api-key.*');
    const jsonl = await get(admin, '/v1/adminhub/audit/export?format=jsonl&action=api-key.*');

    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(csv.text);
    expect(header?.slice(0, 3)).toEqual(['occurred at', 'actor id', 'actor type']);
    expect(rows.map((row) => row[5])).toContain('api-key.created');
    expect(csv.headers.get('x-export-rows')).toBe(String(rows.length));
    expect(csv.headers.get('x-export-truncated')).toBe('false');
    expect(jsonl.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = jsonl.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.action)).toEqual(rows.map((row) => row[5]));
    const exports = await get(admin, '/v1/adminhub/audit?action=adminhub.audit.exported');
    expect(exports.body.items[0]?.details).toMatchObject({
      filters: { format: 'jsonl', action: 'api-key.*' },
    });
  });

  it('shows a tenant only its own entries, and refuses members, viewers and the anonymous', async () => {
    const globex = await get(globexOwner, '/v1/adminhub/audit?limit=100', 'globex');
    const byMember = await get(member, '/v1/adminhub/audit');
    const byViewer = await get(viewer, '/v1/adminhub/audit/export');
    const anonymous = await platform.request('GET', '/v1/adminhub/audit');
    const badAction = await get(admin, '/v1/adminhub/audit?action=inv%25');

    expect(globex.status).toBe(200);
    expect(globex.body.items.map((entry: Entry) => entry.actor.id)).not.toContain(admin.userId);
    expect([byMember.status, byViewer.status, anonymous.status, badAction.status]).toEqual([
      403, 403, 401, 400,
    ]);
  });

  it('is append-only for the application role: UPDATE and DELETE are refused', async () => {
    const attempt = (statement: string) =>
      withTenantTransaction({ tenantId: acmeId, userId: admin.userId }, (tx) => tx.query(statement));

    await expect(attempt("update platform.audit_log set action = 'forged'")).rejects.toMatchObject({
      code: '42501',
    });
    await expect(attempt('delete from platform.audit_log')).rejects.toMatchObject({ code: '42501' });
    await expect(attempt("select adminhub.purge_audit_log('pro', 30)")).rejects.toMatchObject({
      code: '42501',
    });
    const { rows } = await platform.db.query(
      "select count(*)::int as forged from platform.audit_log where action = 'forged'",
    );
    expect(rows[0]).toEqual({ forged: 0 });
  });

  it('retention deletes only entries older than their tier keeps them (acme pro 365 days, globex free 30)', async () => {
    const days = (n: number) => `now() - interval '${n} days'`;
    const insert = (tenantId: string, marker: string, age: number) =>
      platform.db.query(
        `insert into platform.audit_log (tenant_id, id, actor_id, actor_type, action, target_type, occurred_at)
         values ($1, gen_random_uuid(), 'system', 'system', $2, 'retention-test', ${days(age)})`,
        [tenantId, marker],
      );
    await insert(acmeId, 'test.acme.40', 40);
    await insert(acmeId, 'test.acme.400', 400);
    await insert(globexId, 'test.globex.10', 10);
    await insert(globexId, 'test.globex.40', 40);

    const deleted = await runAuditRetention();

    const { rows } = await platform.db.query<{ action: string }>(
      "select action from platform.audit_log where target_type = 'retention-test' order by action",
    );
    expect(rows.map((row) => row.action)).toEqual(['test.acme.40', 'test.globex.10']);
    expect(deleted).toMatchObject({ pro: 1, free: 1, enterprise: 0 });
    // The function refuses to delete anything younger than 30 days, whoever asks.
    await expect(runAuditRetention({ free: { auditRetentionDays: 1 } } as never)).resolves.toEqual({});
    expect(await runAuditRetention()).toMatchObject({ pro: 0, free: 0 });
  });
});
