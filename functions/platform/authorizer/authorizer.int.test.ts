import { statusWithin } from '@halooid/local/testing/eventually';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { claimsOf, signToken, strangerKey, unsignedToken } from '@halooid/local/testing/tokens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let globexOwner: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, globexOwner] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('owner@globex.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const listTasks = (headers: Record<string, string>) =>
  platform.request('GET', '/v1/taskodex/tasks', { headers });

describe('the authorizer: who is calling', () => {
  it('answers 401 problem+json with no token', async () => {
    const response = await listTasks({});

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('answers 401 to garbage, a wrong scheme, an unsigned token and a stranger-signed token', async () => {
    const acmeId = member.headers('acme')['x-tenant-id'] as string;
    const claims = claimsOf(member.accessToken);
    const attempts = [
      'Bearer not-a-jwt',
      `Basic ${Buffer.from('member@acme.example:Halooid-demo-1').toString('base64')}`,
      `Bearer ${unsignedToken(claims)}`,
      `Bearer ${signToken(claims, strangerKey())}`,
    ];

    const statuses = await Promise.all(
      attempts.map(
        async (authorization) => (await listTasks({ authorization, 'x-tenant-id': acmeId })).status,
      ),
    );

    expect(statuses).toEqual([401, 401, 401, 401]);
  });

  it('answers 401 to a correctly signed token that expired, is not an access token, or comes from another client or pool', async () => {
    const acmeId = member.headers('acme')['x-tenant-id'] as string;
    const claims = claimsOf(member.accessToken);
    const expired = signToken({ ...claims, iat: 1_700_000_000, exp: 1_700_003_600 });
    const idToken = signToken({ ...claims, token_use: 'id' });
    const otherClient = signToken({ ...claims, client_id: 'someone-elses-app' });
    const otherPool = signToken({ ...claims, iss: claims.iss.replace(/[^/]+$/, 'local_AnotherPool') });
    const fresh = signToken(claims);

    const [expiredStatus, idStatus, clientStatus, poolStatus, freshStatus] = await Promise.all(
      [expired, idToken, otherClient, otherPool, fresh].map(
        async (token) =>
          (await listTasks({ authorization: `Bearer ${token}`, 'x-tenant-id': acmeId })).status,
      ),
    );

    expect([expiredStatus, idStatus, clientStatus, poolStatus]).toEqual([401, 401, 401, 401]);
    expect(freshStatus).toBe(200); // the same key and claims, valid: the rejections above are about the claims
  });
});

describe('the authorizer: which tenant', () => {
  it('answers 403 for a tenant the user is not in', async () => {
    // Globex's owner asks for Acme (Maya, the demo member, is in both tenants).
    const response = await listTasks({
      ...globexOwner.headers('globex'),
      'x-tenant-id': member.headers('acme')['x-tenant-id'] ?? '',
    });

    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/not a member/);
  });

  it('answers 403 with no tenant header or a malformed one', async () => {
    const { authorization } = member.headers('acme');

    const missing = await listTasks({ authorization: authorization ?? '' });
    const malformed = await listTasks({
      authorization: authorization ?? '',
      'x-tenant-id': "acme' or 1=1 --",
    });

    expect(missing.status).toBe(403);
    expect(missing.body.detail).toMatch(/X-Tenant-Id/);
    expect(malformed.status).toBe(403);
  });

  it('refuses a removed member within 5 seconds, with no cache flush by hand', async () => {
    const viewer = await platform.login('viewer@acme.example');
    const owner = await platform.login('owner@acme.example');
    const headers = viewer.headers('acme');
    expect((await listTasks(headers)).status).toBe(200); // the decision is now cached

    const removed = await platform.request('DELETE', `/v1/tenants/current/members/${viewer.userId}`, {
      headers: owner.headers('acme'),
    });
    expect(removed.status).toBe(204);

    // The bound is about 2 s; the deadline is generous for a loaded machine (cached grants live 10 min).
    expect(await statusWithin(15_000, () => listTasks(headers), 403)).toBe(403);
  });
});

describe('public routes', () => {
  it('serve health and the OpenAPI document without credentials', async () => {
    const health = await platform.request('GET', '/v1/health');
    const openapi = await platform.request('GET', '/v1/openapi.json');

    expect(health.status).toBe(200);
    expect(openapi.status).toBe(200);
  });

  it('answers 404 for an unknown route and 405 for a wrong method, as problems', async () => {
    const unknown = await platform.request('GET', '/v1/nowhere');
    const wrongMethod = await platform.request('PUT', '/v1/taskodex/tasks');

    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
  });
});
