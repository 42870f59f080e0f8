import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { statusWithin } from '@halooid/local/testing/eventually';
import { startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, OTHER_PASSWORD, totp, uniqueEmail } from './totp.test-helper';

let platform: TestPlatform;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  platform = await startTestPlatform();
  cognito = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: process.env.COGNITO_ENDPOINT,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterAll(async () => {
  cognito?.destroy();
  await platform?.stop();
});

const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
  platform.request('POST', path, { body, headers });

async function latestCode(email: string): Promise<string> {
  const response = await platform.request('GET', `/dev/mailbox?to=${encodeURIComponent(email)}`);
  const code = response.body.items.at(-1)?.code;
  if (!code) throw new Error(`no code in the mailbox for ${email}`);
  return code;
}

/** Signs up, confirms with the mailbox code and signs in: a ready account with its own tenant. */
async function newAccount(label: string, password = GOOD_PASSWORD) {
  const email = uniqueEmail(label);
  const signup = await post('/v1/auth/signup', {
    email,
    password,
    name: 'Ada Lovelace',
    tenantName: `${label} Ltd`,
  });
  expect(signup.status).toBe(202);
  expect((await post('/v1/auth/confirm', { email, code: await latestCode(email) })).status).toBe(200);
  const login = await post('/v1/auth/login', { email, password });
  expect(login.status).toBe(200);
  return {
    email,
    password,
    ...(login.body as { accessToken: string; refreshToken: string; tenants: { id: string; slug: string }[] }),
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A call through the gateway and the real authorizer: a tenant route as the account's Owner. */
const tenantCall = (token: string, tenantId: string) =>
  platform.request('GET', '/v1/tenants/current', { headers: { ...bearer(token), 'x-tenant-id': tenantId } });

/**
 * The promise is "within about 2 s" (the authorizer re-reads revocations every 2 s);
 * the acceptance bound is 5 s, polled so a quick machine answers at once.
 */
const REVOCATION_BOUND_MS = 5_000;

describe('sign-up → confirm → login', () => {
  it('creates the user and a tenant with system roles, the user as Owner', async () => {
    const email = uniqueEmail('Signup.Owner');

    const signup = await post('/v1/auth/signup', {
      email: email.toUpperCase(),
      password: GOOD_PASSWORD,
      name: 'Grace Hopper',
      tenantName: 'Hopper & Söhne',
    });
    expect(signup.status).toBe(202);
    expect(signup.body).toEqual({ status: 'pending', message: expect.any(String) });

    const early = await post('/v1/auth/login', { email, password: GOOD_PASSWORD });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('user_not_confirmed');

    const code = await latestCode(email);
    expect(code).toMatch(/^\d{6}$/);
    const confirm = await post('/v1/auth/confirm', { email, code });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toEqual({ status: 'confirmed' });

    const login = await post('/v1/auth/login', { email, password: GOOD_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: expect.any(Number),
      tenants: [{ id: expect.any(String), name: 'Hopper & Söhne', slug: 'hopper-sohne' }],
    });
    const tenantId = login.body.tenants[0].id;

    const { rows: roles } = await platform.db.query(
      'select key, system from platform.roles where tenant_id = $1 order by key',
      [tenantId],
    );
    expect(roles.map((role) => role.key)).toEqual(
      expect.arrayContaining(['admin', 'member', 'owner', 'viewer']),
    );
    expect(roles.every((role) => role.system)).toBe(true);
    const { rows: owners } = await platform.db.query(
      `select u.email, u.name, r.key
         from platform.users u
         join platform.member_roles mr on mr.user_id = u.id
         join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id
        where mr.tenant_id = $1`,
      [tenantId],
    );
    expect(owners).toEqual([{ email: email.toLowerCase(), name: 'Grace Hopper', key: 'owner' }]);

    const tasks = await platform.request('GET', '/v1/taskodex/tasks', {
      headers: { ...bearer(login.body.accessToken), 'x-tenant-id': tenantId },
    });
    expect(tasks.status).toBe(200);
  });

  it('answers a second sign-up with the same email exactly like the first, creating nothing', async () => {
    const { email } = await newAccount('twice');

    const again = await post('/v1/auth/signup', {
      email,
      password: OTHER_PASSWORD,
      name: 'Impostor',
      tenantName: 'Takeover',
    });
    const fresh = await post('/v1/auth/signup', {
      email: uniqueEmail('fresh'),
      password: GOOD_PASSWORD,
      name: 'Someone',
      tenantName: 'Fresh',
    });

    expect(again.status).toBe(fresh.status);
    expect(again.body).toEqual(fresh.body);
    const { rows } = await platform.db.query(
      `select t.name from platform.tenants t join platform.memberships m on m.tenant_id = t.id
         join platform.users u on u.id = m.user_id where u.email = $1`,
      [email],
    );
    expect(rows).toEqual([{ name: 'twice Ltd' }]);
    expect((await post('/v1/auth/login', { email, password: OTHER_PASSWORD })).status).toBe(401);
  });

  it('gives a taken tenant name a unique slug', async () => {
    const first = await newAccount('slugged');
    const second = await newAccount('slugged');

    expect(first.tenants[0]?.slug).toBe('slugged-ltd');
    expect(second.tenants[0]?.slug).toMatch(/^slugged-ltd-[a-z0-9]{6}$/);
  });

  it('rejects a weak password with 400 naming body.password and the reason', async () => {
    const response = await post('/v1/auth/signup', {
      email: uniqueEmail('weak'),
      password: 'alllowercase-long',
      name: 'Weak',
      tenantName: 'Weak',
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        field: 'body.password',
        message: 'Password does not conform to policy: Password must have uppercase characters',
      }),
    ]);
  });

  it('rejects malformed bodies with 400 naming the fields', async () => {
    const missing = await post('/v1/auth/signup', {
      email: uniqueEmail('bad'),
      password: GOOD_PASSWORD,
      name: 'X',
    });
    const unknown = await post('/v1/auth/signup', {
      email: uniqueEmail('bad'),
      password: GOOD_PASSWORD,
      name: 'X',
      tenantName: 'X',
      tier: 'enterprise',
    });
    const badCode = await post('/v1/auth/confirm', { email: uniqueEmail('bad'), code: '12ab' });
    const badChallenge = await post('/v1/auth/challenge', {
      challenge: 'SOFTWARE_TOKEN_MFA',
      email: uniqueEmail('bad'),
      session: 'x',
    });

    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error: { field: string }) => error.field)).toEqual(['body.tenantName']);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((error: { field: string }) => error.field)).toEqual(['body.tier']);
    expect(badCode.status).toBe(400);
    expect(badCode.body.errors[0].field).toBe('body.code');
    expect(badChallenge.status).toBe(400);
    expect(badChallenge.body.errors[0].field).toBe('body.code');
  });

  it('gives the same 400 for a wrong code and for an email nobody signed up with', async () => {
    const email = uniqueEmail('wrongcode');
    await post('/v1/auth/signup', { email, password: GOOD_PASSWORD, name: 'W', tenantName: 'W' });
    const code = await latestCode(email);
    const wrong = code === '000000' ? '111111' : '000000';

    const wrongCode = await post('/v1/auth/confirm', { email, code: wrong });
    const nobody = await post('/v1/auth/confirm', { email: uniqueEmail('nobody'), code: wrong });

    expect(wrongCode.status).toBe(400);
    expect(nobody.status).toBe(400);
    expect(wrongCode.body.errors).toEqual(nobody.body.errors);
    expect(wrongCode.body.errors[0].field).toBe('body.code');
  });
});

describe('sessions', () => {
  it('records each sign-in as a session (device, IP) and every attempt as a sign-in event', async () => {
    const { email, password } = await newAccount('records');
    const chrome =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

    const wrong = await post(
      '/v1/auth/login',
      { email, password: 'Not-the-password-1' },
      { 'user-agent': chrome },
    );
    const right = await post('/v1/auth/login', { email, password }, { 'user-agent': chrome });

    expect([wrong.status, right.status]).toEqual([401, 200]);
    const { rows: sessions } = await platform.db.query(
      `select s.device, s.ip, s.user_agent, u.last_sign_in_at is not null as signed_in
         from platform.sessions s join platform.users u on u.id = s.user_id
        where lower(u.email) = lower($1) order by s.created_at`,
      [email],
    );
    expect(sessions.at(-1)).toEqual({
      device: 'Chrome on macOS',
      ip: expect.any(String),
      user_agent: chrome,
      signed_in: true,
    });
    const { rows: events } = await platform.db.query(
      `select e.outcome, e.reason, e.ip, e.user_agent from platform.sign_in_events e
         join platform.users u on u.id = e.user_id
        where lower(u.email) = lower($1) order by e.occurred_at`,
      [email],
    );
    expect(events.slice(-2)).toEqual([
      { outcome: 'failure', reason: 'bad_credentials', ip: expect.any(String), user_agent: chrome },
      { outcome: 'success', reason: null, ip: expect.any(String), user_agent: chrome },
    ]);
  });

  it('refreshes with the refresh token in the body', async () => {
    const account = await newAccount('refresh-body');

    const response = await post('/v1/auth/refresh', { refreshToken: account.refreshToken });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accessToken: expect.any(String), expiresIn: expect.any(Number) });
    const tasks = await platform.request('GET', '/v1/taskodex/tasks', {
      headers: { ...bearer(response.body.accessToken), 'x-tenant-id': account.tenants[0]?.id ?? '' },
    });
    expect(tasks.status).toBe(200);
  });

  it('gives the web app its refresh token only as a strict httpOnly cookie and refreshes from it', async () => {
    const { email, password } = await newAccount('refresh-cookie');
    const web = { 'x-halooid-client': 'web' };

    const login = await post('/v1/auth/login', { email, password }, web);

    expect(login.status).toBe(200);
    expect(login.body.refreshToken).toBeUndefined();
    expect(login.body.accessToken).toEqual(expect.any(String));
    const [cookie] = login.headers.getSetCookie();
    expect(cookie).toMatch(
      /^halooid_refresh=[^;]+; HttpOnly; Secure; SameSite=Strict; Path=\/v1\/auth; Max-Age=\d+$/,
    );
    const pair = cookie?.split(';')[0] ?? '';

    const refreshed = await platform.request('POST', '/v1/auth/refresh', {
      headers: { ...web, cookie: pair },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.accessToken).toEqual(expect.any(String));

    // Without the web client's header the cookie is not honoured (a cross-site form cannot add it).
    const bare = await platform.request('POST', '/v1/auth/refresh', { headers: { cookie: pair } });
    expect(bare.status).toBe(401);
  });

  it('logout revokes the refresh token: refreshing afterwards is 401', async () => {
    const account = await newAccount('logout-body');
    expect((await post('/v1/auth/refresh', { refreshToken: account.refreshToken })).status).toBe(200);

    const logout = await post(
      '/v1/auth/logout',
      { refreshToken: account.refreshToken },
      bearer(account.accessToken),
    );

    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()).toEqual([expect.stringMatching(/^halooid_refresh=; .*Max-Age=0$/)]);
    const after = await post('/v1/auth/refresh', { refreshToken: account.refreshToken });
    expect(after.status).toBe(401);
    // Logging out again is harmless.
    expect((await post('/v1/auth/logout', { refreshToken: account.refreshToken })).status).toBe(204);
  });

  it('logout from the web app revokes the cookie’s token', async () => {
    const { email, password } = await newAccount('logout-cookie');
    const web = { 'x-halooid-client': 'web' };
    const login = await post('/v1/auth/login', { email, password }, web);
    const pair = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';

    const logout = await platform.request('POST', '/v1/auth/logout', { headers: { ...web, cookie: pair } });

    expect(logout.status).toBe(204);
    const after = await platform.request('POST', '/v1/auth/refresh', { headers: { ...web, cookie: pair } });
    expect(after.status).toBe(401);
  });

  it('logout everywhere refuses every access token of the user within 5 s; a fresh login works at once', async () => {
    const account = await newAccount('everywhere');
    const tenantId = account.tenants[0]?.id ?? '';
    const other = await post('/v1/auth/login', { email: account.email, password: account.password });
    expect((await tenantCall(account.accessToken, tenantId)).status).toBe(200); // decisions now cached
    expect((await tenantCall(other.body.accessToken, tenantId)).status).toBe(200);

    const logout = await post('/v1/auth/logout', { everywhere: true }, bearer(account.accessToken));
    const fresh = await post('/v1/auth/login', { email: account.email, password: account.password });

    expect(logout.status).toBe(204);
    expect(fresh.status).toBe(200);
    expect(
      await statusWithin(REVOCATION_BOUND_MS, () => tenantCall(account.accessToken, tenantId), 401),
    ).toBe(401);
    expect(
      await statusWithin(REVOCATION_BOUND_MS, () => tenantCall(other.body.accessToken, tenantId), 401),
    ).toBe(401);
    // Read after the revocation is known everywhere: the sign-in that followed it counts.
    expect((await tenantCall(fresh.body.accessToken, tenantId)).status).toBe(200);
    const me = await platform.request('GET', '/v1/me', { headers: bearer(account.accessToken) });
    expect(me.status).toBe(401);
    expect(me.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('logout of one session refuses that session’s token within 5 s, not another session’s', async () => {
    const account = await newAccount('one-session');
    const tenantId = account.tenants[0]?.id ?? '';
    const other = await post('/v1/auth/login', { email: account.email, password: account.password });
    expect((await tenantCall(account.accessToken, tenantId)).status).toBe(200);
    expect((await tenantCall(other.body.accessToken, tenantId)).status).toBe(200);

    const logout = await post(
      '/v1/auth/logout',
      { refreshToken: account.refreshToken },
      bearer(account.accessToken),
    );

    expect(logout.status).toBe(204);
    expect(
      await statusWithin(REVOCATION_BOUND_MS, () => tenantCall(account.accessToken, tenantId), 401),
    ).toBe(401);
    expect((await tenantCall(other.body.accessToken, tenantId)).status).toBe(200);
    expect((await post('/v1/auth/refresh', { refreshToken: other.body.refreshToken })).status).toBe(200);
  });

  it('logout everywhere needs the access token that says who: 401 without it', async () => {
    const account = await newAccount('everywhere-anonymous');

    const anonymous = await post('/v1/auth/logout', { everywhere: true });
    const forged = await post('/v1/auth/logout', { everywhere: true }, bearer('not.a.token'));

    expect(anonymous.status).toBe(401);
    expect(forged.status).toBe(401);
    expect((await tenantCall(account.accessToken, account.tenants[0]?.id ?? '')).status).toBe(200);
  });

  it('refuses a made-up refresh token with 401', async () => {
    const response = await post('/v1/auth/refresh', { refreshToken: 'not-a-token' });

    expect(response.status).toBe(401);
  });
});

describe('passwords', () => {
  it('resets a forgotten password with the mailbox code, ending every earlier session', async () => {
    const { email, password, accessToken } = await newAccount('forgot');

    const forgot = await post('/v1/auth/password/forgot', { email });
    const unknown = await post('/v1/auth/password/forgot', { email: uniqueEmail('nobody') });
    expect(forgot.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(forgot.body);

    const code = await latestCode(email);
    const wrong = await post('/v1/auth/password/reset', {
      email,
      code: code === '000000' ? '111111' : '000000',
      password: OTHER_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('body.code');

    const reset = await post('/v1/auth/password/reset', { email, code, password: OTHER_PASSWORD });
    expect(reset.status).toBe(204);
    expect((await post('/v1/auth/login', { email, password })).status).toBe(401);
    const fresh = await post('/v1/auth/login', { email, password: OTHER_PASSWORD });
    expect(fresh.status).toBe(200);
    // Every session from before the reset ends; the one after it works.
    const tenantId = fresh.body.tenants[0]?.id ?? '';
    expect(await statusWithin(REVOCATION_BOUND_MS, () => tenantCall(accessToken, tenantId), 401)).toBe(401);
    expect((await tenantCall(fresh.body.accessToken, tenantId)).status).toBe(200);
  });

  it('changes the password of the signed-in user, ending every earlier session', async () => {
    const { email, password, accessToken } = await newAccount('change');
    const change = (body: unknown, headers: Record<string, string> = bearer(accessToken)) =>
      post('/v1/auth/password/change', body, headers);

    const anonymous = await change({ currentPassword: password, newPassword: OTHER_PASSWORD }, {});
    const wrongCurrent = await change({ currentPassword: 'Not-the-password-1', newPassword: OTHER_PASSWORD });
    const weak = await change({ currentPassword: password, newPassword: 'short' });
    const changed = await change({ currentPassword: password, newPassword: OTHER_PASSWORD });

    expect(anonymous.status).toBe(401);
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.errors[0].field).toBe('body.currentPassword');
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('body.newPassword');
    expect(changed.status).toBe(204);
    expect((await post('/v1/auth/login', { email, password })).status).toBe(401);
    const fresh = await post('/v1/auth/login', { email, password: OTHER_PASSWORD });
    expect(fresh.status).toBe(200);
    // The token that changed the password ends with every other session from before the change.
    const tenantId = fresh.body.tenants[0]?.id ?? '';
    expect(await statusWithin(REVOCATION_BOUND_MS, () => tenantCall(accessToken, tenantId), 401)).toBe(401);
    expect((await tenantCall(fresh.body.accessToken, tenantId)).status).toBe(200);
  });
});

describe('TOTP MFA', () => {
  it('enrols with a computed code; later logins answer a challenge that the code completes', async () => {
    const { email, password, accessToken } = await newAccount('totp');

    const setup = await post('/v1/auth/mfa/totp/setup', undefined, bearer(accessToken));
    expect(setup.status).toBe(200);
    const { secretCode, otpauthUri } = setup.body;
    expect(secretCode).toMatch(/^[A-Z2-7]+=*$/);
    expect(otpauthUri).toBe(
      `otpauth://totp/Halooid%3A${encodeURIComponent(email)}?secret=${secretCode}&issuer=Halooid&algorithm=SHA1&digits=6&period=30`,
    );
    const code = totp(secretCode);
    const wrongCode = code === '000000' ? '111111' : '000000';

    const wrong = await post('/v1/auth/mfa/totp/verify', { code: wrongCode }, bearer(accessToken));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('body.code');
    const verify = await post('/v1/auth/mfa/totp/verify', { code }, bearer(accessToken));
    expect(verify.status).toBe(200);
    expect(verify.body).toEqual({ mfaEnabled: true });

    const login = await post('/v1/auth/login', { email, password });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ challenge: 'SOFTWARE_TOKEN_MFA', session: expect.any(String) });
    expect(login.body.accessToken).toBeUndefined();

    const badAnswer = await post('/v1/auth/challenge', {
      challenge: 'SOFTWARE_TOKEN_MFA',
      email,
      session: login.body.session,
      code: wrongCode,
    });
    expect(badAnswer.status).toBe(400);
    const answer = await post('/v1/auth/challenge', {
      challenge: 'SOFTWARE_TOKEN_MFA',
      email,
      session: login.body.session,
      code: totp(secretCode),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ accessToken: expect.any(String), tenants: [{ slug: 'totp-ltd' }] });
  });

  it('needs a signed-in user', async () => {
    expect((await post('/v1/auth/mfa/totp/setup')).status).toBe(401);
    expect((await post('/v1/auth/mfa/totp/verify', { code: '123456' })).status).toBe(401);
  });
});

describe('invited users', () => {
  it('answer NEW_PASSWORD_REQUIRED with a policy-checked new password and get tokens', async () => {
    const email = uniqueEmail('invited');
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: process.env.COGNITO_USER_POOL_ID,
        Username: email,
        TemporaryPassword: 'Temporary-pass-1',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );

    const login = await post('/v1/auth/login', { email, password: 'Temporary-pass-1' });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: expect.any(String) });

    const challenge = (newPassword: string) =>
      post(
        '/v1/auth/challenge',
        { challenge: 'NEW_PASSWORD_REQUIRED', email, session: login.body.session, newPassword },
        { 'x-halooid-client': 'web' },
      );
    const weak = await challenge('weakpassword');
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('body.newPassword');

    const answered = await challenge(GOOD_PASSWORD);
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: expect.any(Number),
      tenants: [],
    });
    expect(answered.headers.getSetCookie()[0]).toMatch(/^halooid_refresh=/);
    expect((await post('/v1/auth/login', { email, password: GOOD_PASSWORD })).status).toBe(200);
  });
});
