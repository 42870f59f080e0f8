import { randomUUID } from 'node:crypto';
import { totp } from '@halooid/functions/platform/auth/totp.test-helper';
import { auditRecords } from '@halooid/local/testing/audit';
import { statusWithin } from '@halooid/local/testing/eventually';
import { signInOperator } from '@halooid/local/testing/operators';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { TIER_LIMITS } from '@halooid/shared/tiers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let owner: Session;
let admin: Session;
let operator: Session;
let acmeId: string;

const newOperator = (mfa: boolean) => signInOperator(platform, { mfa });

beforeAll(async () => {
  platform = await startTestPlatform();
  [owner, admin] = await Promise.all([
    platform.login('owner@acme.example'),
    platform.login('admin@acme.example'),
  ]);
  operator = await newOperator(true);
  acmeId = owner.headers('acme')['x-tenant-id'] as string;
});

afterAll(async () => {
  await platform?.stop();
});

const asOperator = (session: Session = operator) => ({ authorization: `Bearer ${session.accessToken}` });
const tenantsList = (headers: Record<string, string>) =>
  platform.request('GET', '/v1/operator/tenants', { headers });

describe('operator routes: who may call them', () => {
  it('refuses tenant Owners and Admins with 403, with or without their tenant header', async () => {
    const answers = await Promise.all([
      tenantsList(owner.headers('acme')),
      tenantsList(admin.headers('acme')),
      tenantsList({ authorization: `Bearer ${owner.accessToken}` }),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403]);
    expect(answers[0]?.body).toMatchObject({ code: 'operators_only' });
  });

  it('refuses an operator without MFA', async () => {
    const withoutMfa = await newOperator(false);

    const answer = await tenantsList(asOperator(withoutMfa));

    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'mfa_required' });
  });

  it('refuses API keys', async () => {
    const key = await platform.request('POST', '/v1/api-keys', {
      headers: owner.headers('acme'),
      body: { name: 'not an operator', scopes: ['platform:member:read'] },
    });
    expect(key.status).toBe(201);

    const answer = await tenantsList({ authorization: `ApiKey ${key.body.key}` });

    expect(answer.status).toBe(403);
  });

  it('lists tenants to an operator, with members and usage, each call audited', async () => {
    const answer = await platform.request('GET', '/v1/operator/tenants?q=acme', { headers: asOperator() });

    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      expect.objectContaining({
        id: acmeId,
        slug: 'acme',
        status: 'active',
        tier: 'pro',
        members: expect.any(Number),
      }),
    ]);
    expect(answer.body.items[0].members).toBeGreaterThan(5);
    const { rows } = await platform.db.query(
      `select action from platform.operator_audit where operator_id = $1 and action = 'adminhub.tenant.listed'`,
      [operator.userId],
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it("writes an operator's read of one tenant into that tenant's audit log", async () => {
    const answer = await platform.request('GET', `/v1/operator/tenants/${acmeId}`, { headers: asOperator() });

    expect(answer.status).toBe(200);
    const audit = await auditRecords(platform, 'adminhub.tenant.read', { tenantId: acmeId });
    expect(audit).toContainEqual(
      expect.objectContaining({ actorType: 'operator', actorId: operator.userId, targetId: acmeId }),
    );
  });
});

describe('the demo operator', () => {
  it('signs in with the demo password and a TOTP code, reaches the console and refreshes its session', async () => {
    const demo = platform.demoOperator;
    expect(demo?.email).toBe('operator@halooid.example');
    const email = demo?.email as string;

    const login = await platform.request('POST', '/v1/auth/login', {
      body: { email, password: 'Halooid-demo-1' },
    });
    expect(login.body).toMatchObject({ challenge: 'SOFTWARE_TOKEN_MFA' });
    const answer = await platform.request('POST', '/v1/auth/challenge', {
      body: {
        challenge: 'SOFTWARE_TOKEN_MFA',
        email,
        session: login.body.session,
        code: totp(demo?.totpSecret as string),
      },
    });
    expect(answer.status).toBe(200);

    const list = await tenantsList({ authorization: `Bearer ${answer.body.accessToken}` });
    // A session begun through the MFA challenge refreshes like any other (a console reload).
    const refreshed = await platform.request('POST', '/v1/auth/refresh', {
      body: { refreshToken: answer.body.refreshToken },
    });

    expect(list.status).toBe(200);
    expect(refreshed.status, refreshed.text).toBe(200);
    expect((await tenantsList({ authorization: `Bearer ${refreshed.body.accessToken}` })).status).toBe(200);
  });
});

describe('suspension', () => {
  it('refuses every request of a suspended tenant within 5 s, people and API keys, then resume restores it', async () => {
    const key = await platform.request('POST', '/v1/api-keys', {
      headers: owner.headers('acme'),
      body: { name: 'integration', scopes: ['platform:member:read'] },
    });
    const asKey = { authorization: `ApiKey ${key.body.key}` };
    const adminCall = () =>
      platform.request('GET', '/v1/tenants/current/members', { headers: admin.headers('acme') });
    const keyCall = () => platform.request('GET', '/v1/tenants/current/members', { headers: asKey });
    expect((await adminCall()).status).toBe(200);
    expect((await keyCall()).status).toBe(200);

    const suspended = await platform.request('POST', `/v1/operator/tenants/${acmeId}/suspend`, {
      headers: asOperator(),
      body: { reason: 'Unpaid invoices' },
    });

    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', suspendedReason: 'Unpaid invoices' });
    expect(await statusWithin(5_000, adminCall, 403)).toBe(403);
    expect(await statusWithin(5_000, keyCall, 403)).toBe(403);
    const refused = await adminCall();
    expect(refused.body).toMatchObject({
      status: 403,
      code: 'tenant_suspended',
      detail: 'This workspace is suspended by the platform operator; contact support.',
    });
    expect((await keyCall()).body).toMatchObject({ code: 'tenant_suspended' });

    const resumed = await platform.request('POST', `/v1/operator/tenants/${acmeId}/resume`, {
      headers: asOperator(),
    });

    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'active', suspendedReason: null });
    expect(await statusWithin(5_000, adminCall, 200)).toBe(200);
    expect(await statusWithin(5_000, keyCall, 200)).toBe(200);
    const { rows } = await platform.db.query(
      `select action, actor_type from platform.audit_log
        where tenant_id = $1 and action in ('adminhub.tenant.suspended', 'adminhub.tenant.resumed')
        order by occurred_at, id`,
      [acmeId],
    );
    expect(rows).toEqual([
      { action: 'adminhub.tenant.suspended', actor_type: 'operator' },
      { action: 'adminhub.tenant.resumed', actor_type: 'operator' },
    ]);
    const { rows: events } = await platform.db.query(
      `select type from platform.outbox where tenant_id = $1 and source = 'halooid.adminhub' and type like 'tenant.%'
        order by created_at, id`,
      [acmeId],
    );
    expect(events.map((event) => event.type)).toEqual(['tenant.suspended', 'tenant.resumed']);
  });

  it('changes a tier, and refuses bad input and unknown tenants without 5xx', async () => {
    const globex = await platform.request('GET', '/v1/operator/tenants?q=globex', { headers: asOperator() });
    const globexId = globex.body.items[0].id as string;

    const changed = await platform.request('PUT', `/v1/operator/tenants/${globexId}/tier`, {
      headers: asOperator(),
      body: { tier: 'enterprise' },
    });
    const badTier = await platform.request('PUT', `/v1/operator/tenants/${globexId}/tier`, {
      headers: asOperator(),
      body: { tier: 'platinum' },
    });
    const unknown = await platform.request('POST', `/v1/operator/tenants/${randomUUID()}/suspend`, {
      headers: asOperator(),
      body: { reason: 'x' },
    });
    const noReason = await platform.request('POST', `/v1/operator/tenants/${globexId}/suspend`, {
      headers: asOperator(),
      body: {},
    });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ tier: 'enterprise' });
    // The usage plan follows: the tier travels in the authorizer's decision, re-read within seconds.
    const globexOwner = await platform.login('owner@globex.example');
    const enterpriseQuota = `q=${TIER_LIMITS.enterprise.quotaPerDay};`;
    const policyNow = async () =>
      (
        await platform.request('GET', '/v1/tenants/current', { headers: globexOwner.headers('globex') })
      ).headers.get('ratelimit-policy') ?? '';
    const deadline = Date.now() + 5_000;
    while (!(await policyNow()).includes(enterpriseQuota) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await policyNow()).toContain(enterpriseQuota);
    expect([badTier.status, unknown.status, noReason.status]).toEqual([400, 404, 400]);
  });
});

describe('IP allowlist', () => {
  it('refuses an API key called from outside the allowlist and allows it from inside', async () => {
    const key = await platform.request('POST', '/v1/api-keys', {
      headers: owner.headers('acme'),
      body: { name: 'allowlisted', scopes: ['platform:member:read'] },
    });
    const keyCall = () =>
      platform.request('GET', '/v1/tenants/current/members', {
        headers: { authorization: `ApiKey ${key.body.key}` },
      });
    const adminCall = () =>
      platform.request('GET', '/v1/tenants/current/members', { headers: admin.headers('acme') });
    // The policy as the security-policies API writes it: a new version, and the RBAC version bumped.
    const setAllowlist = async (cidrs: string[]) => {
      await platform.db.query(
        `insert into platform.security_policies (tenant_id, version, policy, created_by)
         select $1, coalesce(max(version), 0) + 1, jsonb_build_object('ipAllowlist', jsonb_build_object('cidrs', $2::jsonb, 'applyToPeople', false)), 'test'
           from platform.security_policies where tenant_id = $1`,
        [acmeId, JSON.stringify(cidrs)],
      );
      await platform.db.query('update platform.tenants set rbac_version = rbac_version + 1 where id = $1', [
        acmeId,
      ]);
    };

    await setAllowlist(['10.0.0.0/8']);
    // The local gateway's client is 127.0.0.1 (the socket): outside 10/8.
    expect(await statusWithin(5_000, keyCall, 403)).toBe(403);
    expect((await keyCall()).body).toMatchObject({ code: 'ip_not_allowed' });
    expect((await adminCall()).status).toBe(200); // people only when the policy says so

    await setAllowlist(['10.0.0.0/8', '127.0.0.0/8', '::1/128']);
    expect(await statusWithin(5_000, keyCall, 200)).toBe(200);

    await setAllowlist([]);
  });
});
