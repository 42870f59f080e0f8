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
        enabledProducts: ['taskodex', 'qultrix'],
      },
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Acme Corporation',
      settings: { weekStartsOn: 'monday' },
      enabledProducts: ['taskodex', 'qultrix'],
    });
    const audit = await platform.db.query(
      "select actor_id from platform.audit_log where action = 'tenant.updated'",
    );
    expect(audit.rows.map((row) => row.actor_id)).toContain(admin.userId);
  });

  it('lets only billing (the Owner) change the tier', async () => {
    const byAdmin = await platform.request('PATCH', '/v1/tenants/current', {
      headers: as(admin),
      body: { tier: 'enterprise' },
    });
    const byOwner = await platform.request('PATCH', '/v1/tenants/current', {
      headers: as(owner),
      body: { tier: 'enterprise' },
    });

    expect(byAdmin.status).toBe(403);
    expect(byOwner.status).toBe(200);
    expect(byOwner.body.tier).toBe('enterprise');
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
    const emails = [...first.body.items, ...second.body.items].map((item: { email: string }) => item.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails).toEqual(expect.arrayContaining(['admin@acme.example', 'member@acme.example']));
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
