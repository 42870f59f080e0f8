import { statusWithin } from '@halooid/local/testing/eventually';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let owner: Session;
let admin: Session;
let member: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [owner, admin, member] = await Promise.all([
    platform.login('owner@acme.example'),
    platform.login('admin@acme.example'),
    platform.login('member@acme.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const as = (session: Session) => session.headers('acme');

async function roleByKey(key: string): Promise<{ id: string; system: boolean; permissions: string[] }> {
  const roles = await platform.request('GET', '/v1/rbac/roles', { headers: as(owner) });
  return roles.body.items.find((role: { key: string }) => role.key === key);
}

describe('the permission catalog and system roles', () => {
  it('lists every permission from the manifests, grouped by product', async () => {
    const response = await platform.request('GET', '/v1/rbac/permissions', { headers: as(member) });

    expect(response.status).toBe(200);
    const names = response.body.items.map((entry: { name: string }) => entry.name);
    expect(names).toEqual(
      expect.arrayContaining(['taskodex:task:read', 'taskodex:task:write', 'platform:role:write']),
    );
    expect(
      response.body.items.find((entry: { name: string }) => entry.name === 'taskodex:task:read').product,
    ).toBe('taskodex');
  });

  it('seeds every system role, read-only, with permissions expanded from their patterns', async () => {
    const response = await platform.request('GET', '/v1/rbac/roles', { headers: as(owner) });
    const keys = response.body.items
      .filter((role: { system: boolean }) => role.system)
      .map((role: { key: string }) => role.key);

    expect(keys).toEqual(
      expect.arrayContaining([
        'owner',
        'admin',
        'member',
        'viewer',
        'project_manager',
        'hr_manager',
        'employee',
        'sales_rep',
        'support_agent',
        'warehouse_manager',
        'procurement_officer',
        'auditor',
      ]),
    );
    const viewer = await roleByKey('viewer');
    expect(viewer.permissions).toContain('taskodex:task:read');
    expect(viewer.permissions).not.toContain('taskodex:task:write');
    const change = await platform.request('PATCH', `/v1/rbac/roles/${viewer.id}`, {
      headers: as(owner),
      body: { name: 'Lurker' },
    });
    expect(change.status).toBe(422);
  });
});

describe('custom roles', () => {
  it('a read-only custom role lets its holder read but not write, and losing it takes effect within 5 s', async () => {
    const created = await platform.request('POST', '/v1/rbac/roles', {
      headers: as(owner),
      body: { name: 'Task reader', permissions: ['taskodex:task:read'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: 'task-reader',
      system: false,
      permissions: ['taskodex:task:read'],
    });
    const reader = await platform.login('viewer@acme.example');
    const assign = await platform.request('PUT', `/v1/tenants/current/members/${reader.userId}/roles`, {
      headers: as(owner),
      body: { roleIds: [created.body.id] },
    });
    expect(assign.status).toBe(200);

    const read = await platform.request('GET', '/v1/taskodex/tasks', { headers: as(reader) });
    const write = await platform.request('POST', '/v1/taskodex/tasks', {
      headers: as(reader),
      body: { title: 'nope' },
    });
    expect(read.status).toBe(200);
    expect(write.status).toBe(403);

    const deleted = await platform.request('DELETE', `/v1/rbac/roles/${created.body.id}`, {
      headers: as(owner),
    });
    expect(deleted.status).toBe(204);
    expect(
      await statusWithin(
        15_000, // ~2 s normally; generous for a loaded machine (cached grants live 10 min)
        () => platform.request('GET', '/v1/taskodex/tasks', { headers: as(reader) }),
        403,
      ),
    ).toBe(403);
  });

  it('refuses a role granting a permission its creator does not hold', async () => {
    const response = await platform.request('POST', '/v1/rbac/roles', {
      headers: as(admin),
      body: { name: 'Billing', permissions: ['platform:billing:write'] },
    });

    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/platform:billing:write/);
  });

  it('refuses unknown permissions with 400 naming the field', async () => {
    const response = await platform.request('POST', '/v1/rbac/roles', {
      headers: as(owner),
      body: { name: 'Typo', permissions: ['taskodex:tsk:read'] },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('body.permissions');
  });

  it('lets a member read roles but not create them', async () => {
    const response = await platform.request('POST', '/v1/rbac/roles', {
      headers: as(member),
      body: { name: 'Mine', permissions: ['taskodex:task:read'] },
    });

    expect(response.status).toBe(403);
  });

  it('writes audit records and bumps the RBAC version', async () => {
    const before = await platform.db.query("select rbac_version from platform.tenants where slug = 'acme'");
    const created = await platform.request('POST', '/v1/rbac/roles', {
      headers: as(owner),
      body: { name: 'Audited', permissions: ['taskodex:task:read'] },
    });
    await platform.request('PATCH', `/v1/rbac/roles/${created.body.id}`, {
      headers: as(owner),
      body: { permissions: ['taskodex:task:read', 'taskodex:task:write'] },
    });

    const after = await platform.db.query("select rbac_version from platform.tenants where slug = 'acme'");
    const audit = await platform.db.query(
      'select action, actor_id from platform.audit_log where target_id = $1 order by occurred_at',
      [created.body.id],
    );
    expect(Number(after.rows[0].rbac_version)).toBeGreaterThan(Number(before.rows[0].rbac_version));
    expect(audit.rows).toEqual([
      { action: 'role.created', actor_id: owner.userId },
      { action: 'role.updated', actor_id: owner.userId },
    ]);
  });
});
