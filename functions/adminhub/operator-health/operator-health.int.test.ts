import { signInOperator } from '@halooid/local/testing/operators';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { flushUsage } from '@halooid/shared/usage/recorder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let owner: Session;
let operator: Session;
let acmeId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  owner = await platform.login('owner@acme.example');
  operator = await signInOperator(platform, { mfa: true });
  acmeId = owner.headers('acme')['x-tenant-id'] as string;
});

afterAll(async () => {
  await platform?.stop();
});

const asOperator = () => ({ authorization: `Bearer ${operator.accessToken}` });

describe('operator health and top tenants', () => {
  it('refuses a tenant Owner (403) on both routes', async () => {
    const answers = await Promise.all([
      platform.request('GET', '/v1/operator/health', { headers: owner.headers('acme') }),
      platform.request('GET', '/v1/operator/usage/top-tenants', { headers: owner.headers('acme') }),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([403, 403]);
  });

  it('reports every component, the database, backlogs and per-product metrics from the recorded usage', async () => {
    const members = await platform.request('GET', '/v1/tenants/current/members', {
      headers: owner.headers('acme'),
    });
    expect(members.status).toBe(200);
    await flushUsage();

    const health = await platform.request('GET', '/v1/operator/health', { headers: asOperator() });

    expect(health.status, health.text).toBe(200);
    expect(Object.keys(health.body.components).sort()).toEqual(['cache', 'cognito', 'database', 'dynamodb']);
    expect(health.body.database.connections).toBeGreaterThan(0);
    expect(health.body.queues.outbox.pending).toEqual(expect.any(Number));
    expect(health.body.queues.deadLetters.available).toBe(true);
    expect(health.body.functions).toMatchObject({ source: 'in-process', available: true });
    const platformMetrics = health.body.functions.items.find(
      (item: { name: string }) => item.name === 'platform',
    );
    expect(platformMetrics.invocations).toBeGreaterThan(0);
    expect(platformMetrics.p95Ms).toBeGreaterThan(0);
    const audit = await platform.db.query(
      `select operator_id, tenant_id from platform.operator_audit where action = 'adminhub.platform_health.read'`,
    );
    expect(audit.rows).toEqual([{ operator_id: operator.userId, tenant_id: null }]);
  });

  it('ranks tenants by their requests with their tier and quota share', async () => {
    await flushUsage();

    const top = await platform.request('GET', '/v1/operator/usage/top-tenants?days=1&limit=5', {
      headers: asOperator(),
    });
    const badDays = await platform.request('GET', '/v1/operator/usage/top-tenants?days=0', {
      headers: asOperator(),
    });

    expect(top.status, top.text).toBe(200);
    const acme = top.body.items.find((item: { tenantId: string }) => item.tenantId === acmeId);
    expect(acme).toMatchObject({ slug: 'acme', status: 'active', quotaPerDay: expect.any(Number) });
    expect(acme.requests).toBeGreaterThan(0);
    const requests = top.body.items.map((item: { requests: number }) => item.requests);
    expect(requests).toEqual([...requests].sort((a, b) => b - a));
    expect(badDays.status).toBe(400);
  });
});
