import { randomUUID } from 'node:crypto';
import { statusWithin } from '@halooid/local/testing/eventually';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let owner: Session;
let globexOwner: Session;
let acmeId: string;

const PASSWORD = 'Users-test-pass-1';
/**
 * The members' email domain, verified by Acme (the DNS stand-in answers its
 * TXT challenge): each member also owns the workspace their sign-up made,
 * so Acme manages their account only through this domain.
 */
const DOMAIN = `users-${randomUUID().slice(0, 8)}.example`;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, owner, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('owner@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  acmeId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
  const added = await platform.request('POST', '/v1/adminhub/domains', {
    headers: owner.headers('acme'),
    body: { domain: DOMAIN },
  });
  expect(added.status).toBe(201);
  await platform.dns.records.setTxt(DOMAIN, [added.body.txtRecord.value]);
  const verified = await platform.request('POST', `/v1/adminhub/domains/${added.body.id}/verify`, {
    headers: owner.headers('acme'),
  });
  expect(verified.status).toBe(200);
});

afterAll(async () => {
  await platform?.stop();
});

const as = (session: Session) => ({ headers: session.headers('acme') });
const get = (session: Session, path: string) => platform.request('GET', path, as(session));
const post = (session: Session, path: string, body?: unknown) =>
  platform.request('POST', path, { ...as(session), body });

async function roleId(key: string, tenantId = acmeId): Promise<string> {
  const { rows } = await platform.db.query(
    'select id from platform.roles where tenant_id = $1 and key = $2',
    [tenantId, key],
  );
  return rows[0].id;
}

/**
 * A person with their own account (signed up, confirmed, so also the owner
 * of their own workspace) at Acme's verified domain, invited into Acme as a
 * Member and signed in there.
 */
async function newMember(label: string): Promise<Session & { email: string }> {
  const email = `${label}-${randomUUID().slice(0, 8)}@${DOMAIN}`;
  const signup = await platform.request('POST', '/v1/auth/signup', {
    body: { email, password: PASSWORD, name: `Test ${label}`, tenantName: `${label} Ltd` },
  });
  expect(signup.status).toBe(202);
  const mail = await platform.request('GET', `/dev/mailbox?to=${encodeURIComponent(email)}`);
  const code = mail.body.items.at(-1)?.code;
  expect((await platform.request('POST', '/v1/auth/confirm', { body: { email, code } })).status).toBe(200);
  const invited = await post(admin, '/v1/tenants/current/members', {
    email,
    roleIds: [await roleId('member')],
  });
  expect(invited.status).toBe(201);
  return { ...(await platform.login(email, PASSWORD)), email };
}

/** Polls until the call is refused; the promise is within 5 s. */
async function refusedWithin(ms: number, call: () => Promise<{ status: number }>): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { status } = await call();
    if (status === 401 || status === 403) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`still ${status} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ownTenantCall = (session: Session) => platform.request('GET', '/v1/tenants/current', as(session));

describe('the member directory', () => {
  it('lists members with status, roles, last sign-in and MFA, filters them, and keeps other tenants out', async () => {
    const person = await newMember('directory');

    const all = await get(admin, '/v1/adminhub/users?limit=100');
    const byQuery = await get(admin, `/v1/adminhub/users?q=${encodeURIComponent(person.email.slice(0, 18))}`);
    const members = await get(admin, '/v1/adminhub/users?role=member&status=active&mfa=false&limit=100');
    const one = await get(admin, `/v1/adminhub/users/${person.userId}`);
    const fromGlobex = await platform.request('GET', `/v1/adminhub/users/${person.userId}`, {
      headers: globexOwner.headers('globex'),
    });
    const badStatus = await get(admin, '/v1/adminhub/users?status=sleeping');

    expect(all.status).toBe(200);
    expect(all.body.items.map((item: { email: string }) => item.email)).toContain('owner@acme.example');
    expect(byQuery.body.items.map((item: { memberId: string }) => item.memberId)).toEqual([person.userId]);
    expect(members.body.items.map((item: { memberId: string }) => item.memberId)).toContain(person.userId);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      memberId: person.userId,
      email: person.email,
      status: 'active',
      membershipStatus: 'active',
      mfaEnrolled: false,
      accountManaged: true,
      roles: [{ key: 'member' }],
      employee: null,
    });
    expect(one.body.lastSignInAt).not.toBeNull();
    expect(fromGlobex.status).toBe(404);
    expect(badStatus.status).toBe(400);
  });

  it('says locked while the sign-in lock holds, and active again after a successful sign-in', async () => {
    const person = await newMember('locked');
    const event = (outcome: string, at: string) =>
      platform.db.query(
        `insert into platform.sign_in_events (id, user_id, email_hash, outcome, occurred_at)
         values (gen_random_uuid(), $1, 'x', $2, now() - $3::interval)`,
        [person.userId, outcome, at],
      );

    await event('locked', '0 seconds');
    const locked = await get(admin, '/v1/adminhub/users?status=locked&limit=100');
    await event('success', '-10 seconds');
    const unlocked = await get(admin, `/v1/adminhub/users/${person.userId}`);

    expect(locked.body.items.map((item: { memberId: string }) => item.memberId)).toEqual([person.userId]);
    expect(unlocked.body.status).toBe('active');
  });
});

describe('disable and enable', () => {
  it("refuses a disabled member's next request within 5 s, audits it, and lets them back in once enabled", async () => {
    const person = await newMember('disable');
    expect((await ownTenantCall(person)).status).toBe(200);

    const disabled = await post(admin, `/v1/adminhub/users/${person.userId}/disable`);
    const refusedAfter = await refusedWithin(5_000, () => ownTenantCall(person));
    const again = await post(admin, `/v1/adminhub/users/${person.userId}/disable`);
    const enabled = await post(admin, `/v1/adminhub/users/${person.userId}/enable`);
    const back = await platform.login(person.email, PASSWORD);

    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', membershipStatus: 'suspended' });
    expect(refusedAfter).toBeLessThan(5_000);
    expect(again.status).toBe(200);
    expect(enabled.body).toMatchObject({ status: 'active', membershipStatus: 'active' });
    expect(await statusWithin(5_000, () => ownTenantCall(back), 200)).toBe(200);
    const { rows } = await platform.db.query(
      `select action, actor_id from platform.audit_log
        where tenant_id = $1 and target_id = $2 and action like 'adminhub.user.%' order by occurred_at, id`,
      [acmeId, person.userId],
    );
    expect(rows).toEqual([
      { action: 'adminhub.user.disabled', actor_id: admin.userId },
      { action: 'adminhub.user.enabled', actor_id: admin.userId },
    ]);
  });

  it('never disables yourself, an Owner (for an Admin), or for someone without the permission', async () => {
    const person = await newMember('guarded');
    const viewer = await platform.login('viewer@acme.example');

    const self = await post(admin, `/v1/adminhub/users/${admin.userId}/disable`);
    const anOwner = await post(admin, `/v1/adminhub/users/${owner.userId}/disable`);
    const byViewer = await post(viewer, `/v1/adminhub/users/${person.userId}/disable`);
    const lastOwner = await post(owner, `/v1/adminhub/users/${owner.userId}/disable`);
    const unknown = await post(admin, `/v1/adminhub/users/${randomUUID()}/disable`);

    expect(self.status).toBe(403);
    expect(anOwner.status).toBe(403);
    expect(byViewer.status).toBe(403);
    expect(lastOwner.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect((await ownTenantCall(person)).status).toBe(200);
  });
});

describe('sessions', () => {
  it("lists a member's sessions and signs them out everywhere: refresh fails, access refused within 5 s", async () => {
    const person = await newMember('sessions');

    const listed = await get(admin, `/v1/adminhub/users/${person.userId}/sessions`);
    const ended = await platform.request('DELETE', `/v1/adminhub/users/${person.userId}/sessions`, as(admin));
    const refusedAfter = await refusedWithin(5_000, () => ownTenantCall(person));
    const refresh = await platform.request('POST', '/v1/auth/refresh', {
      body: { refreshToken: person.refreshToken },
    });
    const after = await get(admin, `/v1/adminhub/users/${person.userId}/sessions`);

    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThanOrEqual(1);
    expect(listed.body.items[0]).toMatchObject({
      createdAt: expect.any(String),
      lastSeenAt: expect.any(String),
    });
    expect(ended.status).toBe(200);
    expect(ended.body.ended).toBeGreaterThanOrEqual(1);
    expect(refusedAfter).toBeLessThan(5_000);
    expect(refresh.status).toBe(401);
    expect(after.body.items).toEqual([]);
  });

  it('ends one session by id and answers 404 for one that is not theirs', async () => {
    const person = await newMember('one-session');
    const second = await platform.login(person.email, PASSWORD);
    const listed = await get(admin, `/v1/adminhub/users/${person.userId}/sessions`);
    const [newest] = listed.body.items;

    const ended = await platform.request(
      'DELETE',
      `/v1/adminhub/users/${person.userId}/sessions/${newest.id}`,
      as(admin),
    );
    const missing = await platform.request(
      'DELETE',
      `/v1/adminhub/users/${person.userId}/sessions/${randomUUID()}`,
      as(admin),
    );
    const left = await get(admin, `/v1/adminhub/users/${person.userId}/sessions`);

    expect(listed.body.items.length).toBe(2);
    expect(ended.status).toBe(204);
    expect(missing.status).toBe(404);
    expect(left.body.items.map((item: { id: string }) => item.id)).not.toContain(newest.id);
    expect(second.accessToken).toBeTruthy();
  });
});

describe('account resets and invitations', () => {
  it('forces a password reset (flag, sessions ended, code mailed) and resets MFA, each audited', async () => {
    const person = await newMember('reset');

    const reset = await post(admin, `/v1/adminhub/users/${person.userId}/password-reset`);
    const mail = await platform.request('GET', `/dev/mailbox?to=${encodeURIComponent(person.email)}`);
    const mfa = await post(admin, `/v1/adminhub/users/${person.userId}/mfa-reset`);

    expect(reset.status).toBe(200);
    expect(reset.body.passwordResetRequired).toBe(true);
    expect(mail.body.items.length).toBeGreaterThanOrEqual(2);
    expect(mfa.status).toBe(200);
    expect(mfa.body.mfaEnrolled).toBe(false);
    const { rows } = await platform.db.query(
      `select action from platform.audit_log where tenant_id = $1 and target_id = $2 and action like 'adminhub.%'
        order by occurred_at, id`,
      [acmeId, person.userId],
    );
    expect(rows.map((row: { action: string }) => row.action)).toEqual([
      'adminhub.user.password_reset_forced',
      'adminhub.user.mfa_reset',
    ]);
  });

  it('revokes an open invitation and refuses to treat a joined member as invited', async () => {
    const email = `invitee-${randomUUID().slice(0, 8)}@users-test.example`;
    const invited = await post(admin, '/v1/tenants/current/members', {
      email,
      roleIds: [await roleId('viewer')],
    });
    const joined = await newMember('joined');

    const listed = await get(admin, '/v1/adminhub/users?status=invited&limit=100');
    const resent = await post(admin, `/v1/adminhub/users/${invited.body.userId}/invitation/resend`);
    const notInvited = await platform.request(
      'DELETE',
      `/v1/adminhub/users/${joined.userId}/invitation`,
      as(admin),
    );
    const revoked = await platform.request(
      'DELETE',
      `/v1/adminhub/users/${invited.body.userId}/invitation`,
      as(admin),
    );
    const gone = await get(admin, `/v1/adminhub/users/${invited.body.userId}`);

    expect(listed.body.items.map((item: { email: string }) => item.email)).toContain(email);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ memberId: invited.body.userId, email });
    expect(notInvited.status).toBe(409);
    expect(revoked.status).toBe(204);
    expect(gone.status).toBe(404);
  });
});

describe('accounts another workspace does not manage', () => {
  it("refuses Globex's admin account-wide actions on an Acme person it invited, and leaves their Acme session alone", async () => {
    const person = await newMember('shared');
    const globexId = globexOwner.tenants.find((tenant) => tenant.slug === 'globex')?.id ?? '';
    const invited = await platform.request('POST', '/v1/tenants/current/members', {
      headers: globexOwner.headers('globex'),
      body: { email: person.email, roleIds: [await roleId('member', globexId)] },
    });
    expect(invited.status).toBe(201);
    const globex = (method: string, path: string) =>
      platform.request(method, path, { headers: globexOwner.headers('globex') });

    const seen = await globex('GET', `/v1/adminhub/users/${person.userId}`);
    const mfa = await globex('POST', `/v1/adminhub/users/${person.userId}/mfa-reset`);
    const password = await globex('POST', `/v1/adminhub/users/${person.userId}/password-reset`);
    const signOutAll = await globex('DELETE', `/v1/adminhub/users/${person.userId}/sessions`);
    const sessions = await get(admin, `/v1/adminhub/users/${person.userId}/sessions`);
    const signOutOne = await globex(
      'DELETE',
      `/v1/adminhub/users/${person.userId}/sessions/${sessions.body.items[0].id}`,
    );
    const disabled = await globex('POST', `/v1/adminhub/users/${person.userId}/disable`);
    // A revocation would have been written before the disable answered; give the authorizer time to see it.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    expect(seen.body.accountManaged).toBe(false);
    for (const refused of [mfa, password, signOutAll, signOutOne]) {
      expect(refused.status).toBe(403);
      expect(refused.body.type).toMatch(/account_not_managed/);
      expect(refused.body.detail).toContain('also belongs to another workspace');
    }
    // Disabling suspends the Globex membership only.
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ membershipStatus: 'suspended', accountManaged: false });
    expect((await ownTenantCall(person)).status).toBe(200);
    const refresh = await platform.request('POST', '/v1/auth/refresh', {
      body: { refreshToken: person.refreshToken },
    });
    expect(refresh.status).toBe(200);
    const { rows } = await platform.db.query(
      'select mfa_enabled, password_reset_required from platform.users where id = $1',
      [person.userId],
    );
    expect(rows).toEqual([{ mfa_enabled: false, password_reset_required: false }]);
    // The database refuses it too, whatever the application checks: as the app role in Globex's tenant.
    const asApp = (fn: string) =>
      platform.db.query(
        `set local role halooid_app;
         select set_config('app.tenant_id', '${globexId}', true);
         select adminhub.${fn}('${person.userId}'::uuid)`,
      );
    await expect(asApp('clear_mfa')).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining('not managed'),
    });
    await expect(asApp('require_password_reset')).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining('not managed'),
    });
    const { rows: audit } = await platform.db.query(
      `select action from platform.audit_log where tenant_id = $1 and target_id = $2 and action like 'adminhub.%'`,
      [globexId, person.userId],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['adminhub.user.disabled']);
  });
});

describe('linked employees', () => {
  it("shows the Qultrix employee linked to a member, from Qultrix's events, idempotently and in order", async () => {
    const person = await newMember('employee');
    const employeeId = randomUUID();
    const { linkEmployee, unlinkTerminatedEmployee } = await import('./subscribers');
    const snapshot = (preferredName: string) => ({
      id: employeeId,
      employeeNumber: 'EMP-9001',
      legalName: { given: 'Eve', family: 'Example' },
      preferredName,
      workEmail: person.email,
      status: 'active',
      type: 'full_time',
      hireDate: '2026-01-05',
      departmentId: null,
      positionId: null,
      locationId: null,
      managerId: null,
      userId: person.userId,
    });
    const envelope = (type: string, occurredAt: string, data: Record<string, unknown>) => ({
      id: randomUUID(),
      source: 'halooid.qultrix',
      type,
      version: 1,
      tenantId: acmeId,
      occurredAt,
      actor: { type: 'system', id: 'test' },
      data,
    });
    const created = envelope('employee.created', '2026-12-01T10:00:00.000Z', { employee: snapshot('Eve') });

    expect(await linkEmployee.consume(created)).toBe('processed');
    expect(await linkEmployee.consume(created)).toBe('duplicate');
    await linkEmployee.consume(
      envelope('employee.updated', '2026-11-01T10:00:00.000Z', {
        employee: snapshot('Older'),
        changes: ['x'],
      }),
    );
    const linked = await get(admin, `/v1/adminhub/users/${person.userId}`);
    await unlinkTerminatedEmployee.consume(
      envelope('employee.terminated', '2026-12-02T10:00:00.000Z', {
        employeeId,
        employeeNumber: 'EMP-9001',
        userId: person.userId,
        terminationDate: '2026-12-02',
        terminationReason: 'resigned',
      }),
    );
    const terminated = await get(admin, `/v1/adminhub/users/${person.userId}`);

    expect(linked.body.employee).toEqual({
      id: employeeId,
      employeeNumber: 'EMP-9001',
      name: 'Eve',
      status: 'active',
    });
    expect(terminated.body.employee).toMatchObject({ id: employeeId, status: 'terminated', name: 'Eve' });
  });
});
