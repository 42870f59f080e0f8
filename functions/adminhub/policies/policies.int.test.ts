import { totp } from '@halooid/functions/platform/auth/totp.test-helper';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let viewer: Session;
let globexOwner: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, viewer, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const PATH = '/v1/adminhub/security-policy';
const get = (as: Session, slug = 'acme') => platform.request('GET', PATH, { headers: as.headers(slug) });
const put = (as: Session, body: unknown, headers: Record<string, string> = {}, slug = 'acme') =>
  platform.request('PUT', PATH, { headers: { ...as.headers(slug), ...headers }, body });
const post = (path: string, body: unknown) => platform.request('POST', path, { body });

/** Saves a policy on top of whatever acme has now. */
async function savePolicy(policy: unknown) {
  const current = await get(admin);
  const saved = await put(admin, { version: current.body.version, policy });
  expect(saved.status).toBe(200);
  return saved;
}

async function mailboxCode(email: string): Promise<string> {
  const response = await platform.request('GET', `/dev/mailbox?to=${encodeURIComponent(email)}`);
  const code = response.body.items.at(-1)?.code;
  if (!code) throw new Error(`no code in the mailbox for ${email}`);
  return code;
}

describe('security policy API', () => {
  it('starts at version 0 with the defaults, saves versions with If-Match, audits the diff and keeps the history', async () => {
    const initial = await get(admin, 'acme');
    expect(initial.status).toBe(200);
    expect(initial.headers.get('etag')).toBe('"0"');
    expect(initial.body).toMatchObject({
      version: 0,
      createdBy: null,
      policy: { password: { minLength: 8 } },
    });

    const first = await put(admin, { policy: { password: { minLength: 10 } } }, { 'if-match': '"0"' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.body).toMatchObject({
      version: 1,
      createdBy: admin.userId,
      policy: { password: { minLength: 10 } },
    });
    const stale = await put(admin, { version: 0, policy: { password: { minLength: 12 } } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 1 });
    const second = await put(admin, { version: 1, policy: { password: { minLength: 12 } } });
    expect(second.body.version).toBe(2);

    const versions = await platform.request('GET', `${PATH}/versions?limit=1`, {
      headers: admin.headers('acme'),
    });
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((item: { version: number }) => item.version)).toEqual([2]);
    const older = await platform.request(
      'GET',
      `${PATH}/versions?limit=1&cursor=${versions.body.nextCursor}`,
      {
        headers: admin.headers('acme'),
      },
    );
    expect(older.body.items.map((item: { version: number }) => item.version)).toEqual([1]);
    const { rows: audit } = await platform.db.query(
      `select actor_id, target_id, details, ip from platform.audit_log
        where tenant_id = $1 and action = 'adminhub.policy.updated' order by occurred_at`,
      [admin.tenants.find((tenant) => tenant.slug === 'acme')?.id],
    );
    expect(audit.map((row) => [row.actor_id, row.target_id, row.details.changes])).toEqual([
      [admin.userId, '1', { 'password.minLength': { before: 8, after: 10 } }],
      [admin.userId, '2', { 'password.minLength': { before: 10, after: 12 } }],
    ]);
    expect(audit[0].ip).toEqual(expect.any(String));

    // Another tenant still has the defaults.
    expect((await get(globexOwner, 'globex')).body.version).toBe(0);
  });

  it('refuses a Viewer (403, reading too), unknown MFA roles (422), a malformed CIDR (400) and an allowlist shutting out the caller (409)', async () => {
    const current = (await get(admin)).body.version;

    const byViewer = await put(viewer, { version: current, policy: {} });
    const unknownRole = await put(admin, {
      version: current,
      policy: { mfa: { required: 'roles', roleKeys: ['nobody'] } },
    });
    const badCidr = await put(admin, {
      version: current,
      policy: { ipAllowlist: { cidrs: ['10.0.0.0/99'] } },
    });
    const lockout = await put(admin, {
      version: current,
      policy: { ipAllowlist: { cidrs: ['198.51.100.0/24'], applyToPeople: true } },
    });

    expect(byViewer.status).toBe(403);
    expect((await get(viewer)).status).toBe(403);
    expect([unknownRole.status, unknownRole.body.code]).toEqual([422, 'unknown_role']);
    expect(badCidr.status).toBe(400);
    expect(badCidr.body.errors[0].field).toMatch(/^body\.policy\.ipAllowlist\.cidrs/);
    expect([lockout.status, lockout.body.code]).toEqual([409, 'allowlist_excludes_caller']);
    expect((await get(admin)).body.version).toBe(current);
  });
});

describe('enforcement (acceptance)', () => {
  it('a 14-character password policy refuses a 12-character password at reset and at invitation', async () => {
    await savePolicy({ password: { minLength: 14 } });
    const twelve = 'Twelve-char1';
    const fourteen = 'Fourteen-char1';

    // Reset by emailed code.
    const email = 'member@acme.example';
    expect((await post('/v1/auth/password/forgot', { email })).status).toBe(202);
    const code = await mailboxCode(email);
    const short = await post('/v1/auth/password/reset', { email, code, password: twelve });
    expect(short.status).toBe(422);
    expect(short.body.code).toBe('password_policy');
    expect(short.body.errors).toEqual([
      expect.objectContaining({ field: 'body.password', code: 'min_length' }),
    ]);
    expect((await post('/v1/auth/password/reset', { email, code, password: fourteen })).status).toBe(204);

    // Invitation: the invitee's first password is checked against the inviting workspace's policy.
    const invitee = 'policy.invitee@acme.example';
    const { rows: roles } = await platform.db.query(
      `select r.id from platform.roles r join platform.tenants t on t.id = r.tenant_id
        where t.slug = 'acme' and r.key = 'member'`,
    );
    const invite = await platform.request('POST', '/v1/tenants/current/members', {
      headers: admin.headers('acme'),
      body: { email: invitee, roleIds: [roles[0]?.id] },
    });
    expect(invite.status).toBe(201);
    const first = await post('/v1/auth/login', { email: invitee, password: await mailboxCode(invitee) });
    expect(first.body.challenge).toBe('NEW_PASSWORD_REQUIRED');
    const answer = (newPassword: string) =>
      post('/v1/auth/challenge', {
        challenge: 'NEW_PASSWORD_REQUIRED',
        email: invitee,
        session: first.body.session,
        newPassword,
      });
    const refused = await answer(twelve);
    expect([refused.status, refused.body.code]).toEqual([422, 'password_policy']);
    const accepted = await answer(fourteen);
    expect(accepted.status).toBe(200);
    expect(accepted.body.tenants.map((tenant: { slug: string }) => tenant.slug)).toEqual(['acme']);
  });

  it('allowed invitation domains refuse an invitation elsewhere with 422 domain_not_allowed, creating nobody', async () => {
    await savePolicy({ password: { minLength: 14 }, invitations: { allowedDomains: ['acme.example'] } });
    const { rows: roles } = await platform.db.query(
      `select r.id from platform.roles r join platform.tenants t on t.id = r.tenant_id
        where t.slug = 'acme' and r.key = 'member'`,
    );
    const invite = (email: string) =>
      platform.request('POST', '/v1/tenants/current/members', {
        headers: admin.headers('acme'),
        body: { email, roleIds: [roles[0]?.id] },
      });

    const outside = await invite('someone@elsewhere.example');

    expect([outside.status, outside.body.code]).toEqual([422, 'domain_not_allowed']);
    const { rows } = await platform.db.query('select 1 from platform.users where email = $1', [
      'someone@elsewhere.example',
    ]);
    expect(rows).toHaveLength(0);
    expect((await invite('allowed.domain@acme.example')).status).toBe(201);
  });

  it('signing out everywhere makes the refresh token fail, recorded as refresh_refused', async () => {
    const session = await platform.login('owner@globex.example');
    const { rows: before } = await platform.db.query(
      'select device, ip, ended_at from platform.sessions where user_id = $1 and ended_at is null',
      [session.userId],
    );
    expect(before.length).toBeGreaterThan(0);

    const logout = await platform.request('POST', '/v1/auth/logout', {
      headers: { authorization: `Bearer ${session.accessToken}` },
      body: { everywhere: true },
    });
    expect(logout.status).toBe(204);
    const refresh = await post('/v1/auth/refresh', { refreshToken: session.refreshToken });

    expect(refresh.status).toBe(401);
    const { rows: open } = await platform.db.query(
      'select 1 from platform.sessions where user_id = $1 and ended_at is null',
      [session.userId],
    );
    expect(open).toHaveLength(0);
    const { rows: events } = await platform.db.query(
      `select outcome from platform.sign_in_events where user_id = $1 order by occurred_at desc limit 1`,
      [session.userId],
    );
    expect(events).toEqual([{ outcome: 'refresh_refused' }]);
  });

  it('"MFA required for Admins" sends an Admin without MFA to enrolment at sign-in, then signs them in', async () => {
    await savePolicy({ password: { minLength: 14 }, mfa: { required: 'roles', roleKeys: ['admin'] } });
    const email = 'admin@acme.example';

    const login = await post('/v1/auth/login', { email, password: 'Halooid-demo-1' });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ challenge: 'MFA_SETUP', session: expect.any(String) });
    expect(login.body.accessToken).toBeUndefined();
    const setup = await post('/v1/auth/challenge/totp-setup', { email, session: login.body.session });
    expect(setup.status).toBe(200);
    const answered = await post('/v1/auth/challenge', {
      challenge: 'MFA_SETUP',
      email,
      session: login.body.session,
      code: totp(setup.body.secretCode),
    });
    expect(answered.status).toBe(200);
    const tokens = answered.body as { accessToken: string; tenants: { id: string; slug: string }[] };
    const acme = tokens.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
    const call = await platform.request('GET', PATH, {
      headers: { authorization: `Bearer ${tokens.accessToken}`, 'x-tenant-id': acme },
    });
    expect(call.status).toBe(200);

    const { rows } = await platform.db.query(
      `select u.mfa_enabled, array(select e.outcome from platform.sign_in_events e
                                     where e.user_id = u.id order by e.occurred_at) as outcomes
         from platform.users u where lower(u.email) = $1`,
      [email],
    );
    expect(rows[0]?.mfa_enabled).toBe(true);
    expect(rows[0]?.outcomes.slice(-2)).toEqual(['mfa_setup_required', 'success']);
    // A member without the role is not asked.
    expect(
      (await post('/v1/auth/login', { email: 'viewer@acme.example', password: 'Halooid-demo-1' })).body,
    ).toMatchObject({
      accessToken: expect.any(String),
    });
  });
});
