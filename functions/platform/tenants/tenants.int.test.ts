import { statusWithin } from '@halooid/local/testing/eventually';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeTenantTier } from './change-tenant-tier';

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

async function roleId(key: string): Promise<string> {
  const roles = await platform.request('GET', '/v1/rbac/roles', { headers: as(owner) });
  return roles.body.items.find((role: { key: string }) => role.key === key).id;
}

describe('GET /v1/me', () => {
  it('returns the user, their tenants with roles, and effective permissions in the named tenant', async () => {
    const response = await platform.request('GET', '/v1/me', { headers: as(member) });

    expect(response.status).toBe(200);
    expect(response.body.user).toEqual({
      id: member.userId,
      email: 'member@acme.example',
      name: 'Maya Member',
    });
    expect(response.body.tenants).toEqual([
      expect.objectContaining({
        name: 'Acme',
        slug: 'acme',
        roles: [expect.objectContaining({ key: 'member' })],
      }),
      // The demo makes Maya a member of Globex too, so the tenant switcher has something to switch to.
      expect.objectContaining({
        name: 'Globex',
        slug: 'globex',
        roles: [expect.objectContaining({ key: 'member' })],
      }),
    ]);
    expect(response.body.permissions).toEqual(
      expect.arrayContaining(['taskodex:task:read', 'taskodex:task:write']),
    );
    expect(response.body.permissions).not.toContain('platform:member:write');
  });

  it('works without a tenant, with no permissions', async () => {
    const response = await platform.request('GET', '/v1/me', {
      headers: { authorization: `Bearer ${member.accessToken}` },
    });

    expect(response.status).toBe(200);
    expect(response.body.permissions).toEqual([]);
  });
});

describe('the current tenant', () => {
  it('can be renamed by an admin, and the change is audited', async () => {
    const response = await platform.request('PATCH', '/v1/tenants/current', {
      headers: as(admin),
      body: {
        name: 'Acme Corporation',
        settings: { weekStartsOn: 'monday' },
        enabledProducts: ['taskodex'],
      },
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Acme Corporation',
      settings: { weekStartsOn: 'monday' },
      enabledProducts: ['taskodex'],
    });
    const audit = await platform.db.query(
      "select actor_id from platform.audit_log where action = 'tenant.updated'",
    );
    expect(audit.rows.map((row) => row.actor_id)).toContain(admin.userId);
  });

  it('shows only products of the product list, keeps stored planned ones on a change, and refuses them as input', async () => {
    // Every product the column default named is built now: a key planned later stands in.
    await platform.db.query(
      "update platform.tenants set enabled_products = enabled_products || array['fleetly'] where slug = 'globex'",
    );
    const stored = await platform.db.query(
      "select enabled_products from platform.tenants where slug = 'globex'",
    );
    const globex = (await platform.login('owner@globex.example')).headers('globex');

    const read = await platform.request('GET', '/v1/tenants/current', { headers: globex });
    const refused = await platform.request('PATCH', '/v1/tenants/current', {
      headers: globex,
      body: { enabledProducts: ['taskodex', 'fleetly'] },
    });
    const cleared = await platform.request('PATCH', '/v1/tenants/current', {
      headers: globex,
      body: { enabledProducts: [] },
    });
    const after = await platform.db.query(
      "select enabled_products from platform.tenants where slug = 'globex'",
    );

    expect(stored.rows[0].enabled_products).toEqual(expect.arrayContaining(['taskodex', 'fleetly']));
    expect(read.status).toBe(200);
    expect(read.body.enabledProducts).toEqual([
      'taskodex',
      'qultrix',
      'adminhub',
      'customerconnect',
      'invantray',
    ]);
    expect(refused.status).toBe(400);
    expect(cleared.status).toBe(200);
    expect(cleared.body.enabledProducts).toEqual([]);
    expect(after.rows[0].enabled_products).toEqual(
      stored.rows[0].enabled_products.filter(
        (key: string) => !['taskodex', 'qultrix', 'customerconnect', 'invantray', 'adminhub'].includes(key),
      ),
    );
  });

  it('refuses a tier change to every tenant role, the Owner included; other fields still patch', async () => {
    const byOwner = await platform.request('PATCH', '/v1/tenants/current', {
      headers: as(owner),
      body: { tier: 'enterprise' },
    });
    const byAdmin = await platform.request('PATCH', '/v1/tenants/current', {
      headers: as(admin),
      body: { tier: 'enterprise' },
    });
    const mixed = await platform.request('PATCH', '/v1/tenants/current', {
      headers: as(owner),
      body: { tier: 'enterprise', name: 'Acme Unlimited' },
    });
    const rename = await platform.request('PATCH', '/v1/tenants/current', {
      headers: as(owner),
      body: { name: 'Acme Corporation' },
    });

    for (const refused of [byOwner, byAdmin, mixed]) {
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.body.code).toBe('tier_managed_by_billing');
      expect(refused.body.detail).toMatch(/managed by billing/);
    }
    expect(rename.status).toBe(200);
    expect(rename.body).toMatchObject({ name: 'Acme Corporation', tier: 'pro' });
    const stored = await platform.db.query("select name, tier from platform.tenants where slug = 'acme'");
    expect(stored.rows[0]).toEqual({ name: 'Acme Corporation', tier: 'pro' });
  });

  it('changes the tier only through the billing port, audited as the system', async () => {
    const acmeId = owner.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
    const billing = { principal: { principalId: 'billing:test', principalType: 'system' as const } };

    const raised = await changeTenantTier(
      { transaction: withTenantTransaction },
      acmeId,
      'enterprise',
      billing,
    );
    const seen = await platform.request('GET', '/v1/tenants/current', { headers: as(owner) });
    await changeTenantTier({ transaction: withTenantTransaction }, acmeId, 'pro', billing);

    expect(raised.tier).toBe('enterprise');
    expect(seen.body.tier).toBe('enterprise');
    const audit = await platform.db.query(
      `select actor_id, actor_type, details from platform.audit_log
        where tenant_id = $1 and action = 'tenant.tier_changed' order by occurred_at, id`,
      [acmeId],
    );
    expect(audit.rows).toEqual([
      { actor_id: 'billing:test', actor_type: 'system', details: { before: 'pro', after: 'enterprise' } },
      { actor_id: 'billing:test', actor_type: 'system', details: { before: 'enterprise', after: 'pro' } },
    ]);
  });

  it('refuses a body that tries to set the tenant id, status or a role', async () => {
    const response = await platform.request('PATCH', '/v1/tenants/current', {
      headers: as(owner),
      body: { name: 'x', id: '00000000-0000-4000-8000-000000000000', status: 'active', roles: ['owner'] },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'body.id',
      'body.roles',
      'body.status',
    ]);
  });

  it('is read-only for members', async () => {
    const read = await platform.request('GET', '/v1/tenants/current', { headers: as(member) });
    const write = await platform.request('PATCH', '/v1/tenants/current', {
      headers: as(member),
      body: { name: 'Mine now' },
    });

    expect(read.status).toBe(200);
    expect(write.status).toBe(403);
  });
});

describe('suspending members', () => {
  const memberPath = (session: Session) => `/v1/tenants/current/members/${session.userId}`;
  const tasks = (session: Session, slug: string) =>
    platform.request('GET', '/v1/taskodex/tasks', { headers: session.headers(slug) });

  it('refuses a suspended member in this tenant within 5 s, not in their other tenant; reactivation lets them back', async () => {
    // Maya is a Member of Acme and of Globex.
    expect((await tasks(member, 'acme')).status).toBe(200); // the decision is now cached
    expect((await tasks(member, 'globex')).status).toBe(200);

    const suspended = await platform.request('PATCH', memberPath(member), {
      headers: as(admin),
      body: { status: 'suspended' },
    });

    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ userId: member.userId, status: 'suspended' });
    expect(await statusWithin(5_000, () => tasks(member, 'acme'), 403)).toBe(403);
    expect((await tasks(member, 'globex')).status).toBe(200);
    const audit = await platform.db.query(
      "select actor_id, target_id from platform.audit_log where action = 'member.suspended'",
    );
    expect(audit.rows).toEqual([{ actor_id: admin.userId, target_id: member.userId }]);

    const reactivated = await platform.request('PATCH', memberPath(member), {
      headers: as(admin),
      body: { status: 'active' },
    });
    expect(reactivated.status).toBe(200);
    expect(reactivated.body.status).toBe('active');
    expect(await statusWithin(5_000, () => tasks(member, 'acme'), 200)).toBe(200);
  });

  it('refuses suspending yourself, an Admin suspending the Owner, and a Member suspending anyone', async () => {
    const self = await platform.request('PATCH', memberPath(admin), {
      headers: as(admin),
      body: { status: 'suspended' },
    });
    const ownerByAdmin = await platform.request('PATCH', memberPath(owner), {
      headers: as(admin),
      body: { status: 'suspended' },
    });
    const byMember = await platform.request('PATCH', memberPath(admin), {
      headers: as(member),
      body: { status: 'suspended' },
    });

    expect(self.status).toBe(403);
    expect(ownerByAdmin.status).toBe(403);
    expect(byMember.status).toBe(403);
    const statuses = await platform.db.query(
      "select distinct m.status from platform.memberships m join platform.tenants t on t.id = m.tenant_id where t.slug = 'acme'",
    );
    expect(statuses.rows).toEqual([{ status: 'active' }]);
  });

  it('answers 404 for someone who is not a member and 400 for an unknown status', async () => {
    const missing = await platform.request(
      'PATCH',
      '/v1/tenants/current/members/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      { headers: as(admin), body: { status: 'suspended' } },
    );
    const unknown = await platform.request('PATCH', memberPath(member), {
      headers: as(admin),
      body: { status: 'disabled' },
    });

    expect(missing.status).toBe(404);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('body.status');
  });
});

describe('members', () => {
  it('lists members with their roles, paged by a cursor', async () => {
    const first = await platform.request('GET', '/v1/tenants/current/members?limit=2', {
      headers: as(member),
    });
    const second = await platform.request(
      'GET',
      `/v1/tenants/current/members?limit=2&cursor=${first.body.nextCursor}`,
      {
        headers: as(member),
      },
    );

    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const all = await platform.request('GET', '/v1/tenants/current/members?limit=100', {
      headers: as(member),
    });
    const emailsOf = (items: { email: string }[]) => items.map((item) => item.email);
    const emails = emailsOf([...first.body.items, ...second.body.items]);
    expect(new Set(emails).size).toBe(emails.length);
    // Two pages of two are the list's first four, in its order.
    expect(emails).toEqual(emailsOf(all.body.items).slice(0, 4));
  });

  it('invites a new person: Cognito emails them, and they are a Member', async () => {
    const response = await platform.request('POST', '/v1/tenants/current/members', {
      headers: as(admin),
      body: { email: 'New.Colleague@acme.example', name: 'Nina New', roleIds: [await roleId('member')] },
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      email: 'new.colleague@acme.example',
      roles: [expect.objectContaining({ key: 'member' })],
    });
    const mailbox = await platform.request('GET', '/dev/mailbox?to=new.colleague@acme.example');
    expect(mailbox.body.items).toHaveLength(1);
    const temporaryPassword = mailbox.body.items[0].code;
    expect(temporaryPassword).toEqual(expect.any(String));

    // The colleague signs in with the emailed password, sets their own, and is a Member.
    const first = await platform.request('POST', '/v1/auth/login', {
      body: { email: 'new.colleague@acme.example', password: temporaryPassword },
    });
    expect(first.body).toMatchObject({ challenge: 'NEW_PASSWORD_REQUIRED' });
    const answered = await platform.request('POST', '/v1/auth/challenge', {
      body: {
        challenge: 'NEW_PASSWORD_REQUIRED',
        email: 'new.colleague@acme.example',
        session: first.body.session,
        newPassword: 'Nina-chose-this-1',
      },
    });
    expect(answered.status).toBe(200);
    const colleague = await platform.login('new.colleague@acme.example', 'Nina-chose-this-1');
    const me = await platform.request('GET', '/v1/me', { headers: colleague.headers('acme') });
    expect(me.body.tenants).toEqual([
      expect.objectContaining({ slug: 'acme', roles: [expect.objectContaining({ key: 'member' })] }),
    ]);
    expect(me.body.permissions).toContain('taskodex:task:write');
  });

  it('adds an existing user of another tenant without a new account', async () => {
    const response = await platform.request('POST', '/v1/tenants/current/members', {
      headers: as(owner),
      body: { email: 'owner@globex.example', roleIds: [await roleId('viewer')] },
    });
    const again = await platform.request('POST', '/v1/tenants/current/members', {
      headers: as(owner),
      body: { email: 'owner@globex.example', roleIds: [await roleId('viewer')] },
    });

    expect(response.status).toBe(201);
    expect(again.status).toBe(409);
    const globexOwner = await platform.login('owner@globex.example');
    expect(globexOwner.tenants.map((tenant) => tenant.slug).sort()).toEqual(['acme', 'globex']);
  });

  it('refuses anyone changing their own roles', async () => {
    const response = await platform.request('PUT', `/v1/tenants/current/members/${admin.userId}/roles`, {
      headers: as(admin),
      body: { roleIds: [await roleId('owner')] },
    });

    expect(response.status).toBe(403);
  });

  it('refuses an admin making someone Owner or demoting the Owner', async () => {
    const promote = await platform.request('PUT', `/v1/tenants/current/members/${member.userId}/roles`, {
      headers: as(admin),
      body: { roleIds: [await roleId('owner')] },
    });
    const demote = await platform.request('PUT', `/v1/tenants/current/members/${owner.userId}/roles`, {
      headers: as(admin),
      body: { roleIds: [await roleId('member')] },
    });

    expect(promote.status).toBe(403);
    expect(demote.status).toBe(403);
  });

  it('refuses to remove or demote the last Owner, and allows it once there is another', async () => {
    const leave = await platform.request('DELETE', `/v1/tenants/current/members/${owner.userId}`, {
      headers: as(owner),
    });
    expect(leave.status).toBe(422);
    expect(leave.body.code).toBe('last_owner');

    const promote = await platform.request('PUT', `/v1/tenants/current/members/${admin.userId}/roles`, {
      headers: as(owner),
      body: { roleIds: [await roleId('owner')] },
    });
    expect(promote.status).toBe(200);
    // The new Owner's grants reach the authorizer within its RBAC-version window (about 2 s).
    const newOwner = (await platform.login('admin@acme.example')).headers('acme');
    const adminRole = await roleId('admin');
    const demoteFirst = await statusWithin(
      15_000, // generous for a loaded machine; it returns as soon as the grants arrive
      () =>
        platform.request('PUT', `/v1/tenants/current/members/${owner.userId}/roles`, {
          headers: newOwner,
          body: { roleIds: [adminRole] },
        }),
      200,
    );
    expect(demoteFirst).toBe(200);
  });

  it('answers 404 for a user who is not a member and 400 for unknown role ids', async () => {
    const missing = await platform.request(
      'PUT',
      '/v1/tenants/current/members/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/roles',
      {
        headers: as(admin),
        body: { roleIds: [await roleId('viewer')] },
      },
    );
    const badRole = await platform.request('POST', '/v1/tenants/current/members', {
      headers: as(admin),
      body: { email: 'someone@acme.example', roleIds: ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'] },
    });

    expect(missing.status).toBe(404);
    expect(badRole.status).toBe(400);
  });
});
