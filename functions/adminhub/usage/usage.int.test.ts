import { randomUUID } from 'node:crypto';
import { auditRecords } from '@halooid/local/testing/audit';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { uuidv7 } from '@halooid/shared/ids';
import { flushUsage } from '@halooid/shared/usage/recorder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let viewer: Session;
let globexOwner: Session;
let acmeId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, viewer, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  acmeId = admin.headers('acme')['x-tenant-id'] as string;
});

afterAll(async () => {
  await platform?.stop();
});

const usage = (as: Session, tenant: string, query = '') =>
  platform.request('GET', `/v1/adminhub/usage${query}`, { headers: as.headers(tenant) });

describe('usage', () => {
  it("counts the tenant's requests by day, API key (with its network) and product, and estimates its storage", async () => {
    const key = await platform.request('POST', '/v1/api-keys', {
      headers: admin.headers('acme'),
      body: { name: 'usage meter', scopes: ['platform:member:read'] },
    });
    expect(key.status, key.text).toBe(201);
    const asKey = { authorization: `ApiKey ${key.body.key}` };
    for (let call = 0; call < 3; call++) {
      const members = await platform.request('GET', '/v1/tenants/current/members', { headers: asKey });
      expect(members.status).toBe(200);
    }
    // Refused by the function itself (a bad limit), so it counts as a 4xx of this key.
    const refused = await platform.request('GET', '/v1/tenants/current/members?limit=0', { headers: asKey });
    expect(refused.status).toBe(400);
    await flushUsage();

    const report = await usage(admin, 'acme', '?days=3');

    expect(report.status, report.text).toBe(200);
    expect(report.body).toMatchObject({ tier: expect.any(String), quotaPerDay: expect.any(Number) });
    expect(report.body.days).toHaveLength(3);
    expect(report.body.today.requests).toBeGreaterThanOrEqual(5);
    const meter = report.body.byApiKey.find((row: { keyId: string }) => row.keyId === key.body.id);
    expect(meter).toMatchObject({ requests: 4, clientErrors: 1, errors: 0 });
    expect(meter.networks).toEqual([
      {
        network: expect.stringMatching(/^(127\.0\.0\.0\/24|0:0:0::\/48)$/),
        requests: 4,
        lastSeen: expect.any(String),
      },
    ]);
    const platformProduct = report.body.last24Hours.find(
      (row: { product: string }) => row.product === 'platform',
    );
    expect(platformProduct.requests).toBeGreaterThanOrEqual(5);
    expect(platformProduct.p95Ms).toBeGreaterThan(0);
    expect(platformProduct.hourly).toHaveLength(24);
    expect(report.body.storage.rows).toBeGreaterThan(0);
    expect(report.body.storage.tables.map((table: { table: string }) => table.table)).toContain(
      'platform.memberships',
    );
    expect(report.body.webhooks).toMatchObject({ successRate: null, failingEndpoints: [] });
    expect(report.body.deadLetters).toEqual({ available: true, depth: 0 });

    const globex = await usage(globexOwner, 'globex', '?days=3');
    expect(globex.status).toBe(200);
    expect(globex.body.byApiKey.map((row: { keyId: string }) => row.keyId)).not.toContain(key.body.id);
  });

  it('is for Admins: a viewer gets 403; days outside 1–90 are a 400', async () => {
    const byViewer = await usage(viewer, 'acme');
    const none = await usage(admin, 'acme', '?days=0');
    const tooMany = await usage(admin, 'acme', '?days=91');

    expect(byViewer.status).toBe(403);
    expect(none.status).toBe(400);
    expect(tooMany.status).toBe(400);
  });

  it("lists the tenant's dead letters and redrives them, audited; another tenant sees none of them", async () => {
    const failing = `usage-test-failing-${randomUUID()}`;
    let attempts = 0;
    platform.events.bus.addRule({
      name: failing,
      pattern: { source: ['halooid.adminhub-usage-test'] },
      target: async () => {
        attempts += 1;
        throw new Error('the consumer is down');
      },
    });
    const eventId = uuidv7();
    await platform.events.bus.publish([
      {
        id: eventId,
        source: 'halooid.adminhub-usage-test',
        type: 'probe.sent',
        version: 1,
        tenantId: acmeId,
        occurredAt: new Date().toISOString(),
        actor: { type: 'system', id: 'test' },
        data: {},
      },
    ]);
    await platform.events.bus.idle();

    const listed = await platform.request('GET', '/v1/adminhub/usage/dead-letters', {
      headers: admin.headers('acme'),
    });
    // (The webhook fan-out, which matches every event, dead-letters this unknown one too.)
    const mine = listed.body.items.filter((item: { rule: string }) => item.rule === failing);
    const elsewhere = await platform.request('GET', '/v1/adminhub/usage/dead-letters', {
      headers: globexOwner.headers('globex'),
    });
    const foreign = await platform.request('POST', '/v1/adminhub/usage/dead-letters/redrive', {
      headers: globexOwner.headers('globex'),
      body: { ids: [mine[0]?.id] },
    });

    expect(listed.status).toBe(200);
    expect(listed.body.available).toBe(true);
    expect(mine).toEqual([
      expect.objectContaining({ eventId, eventType: 'adminhub-usage-test.probe.sent', attempts: 3 }),
    ]);
    expect(elsewhere.body.items.map((item: { eventId: string }) => item.eventId)).not.toContain(eventId);
    expect(foreign.status).toBe(404);

    const before = attempts;
    const redriven = await platform.request('POST', '/v1/adminhub/usage/dead-letters/redrive', {
      headers: admin.headers('acme'),
      body: { ids: [mine[0].id] },
    });
    await platform.events.bus.idle();

    expect(redriven.status, redriven.text).toBe(200);
    expect(redriven.body.redriven).toEqual([mine[0].id]);
    expect(attempts).toBeGreaterThan(before);
    const audit = await auditRecords(platform, 'adminhub.dead_letter.redriven', { tenantId: acmeId });
    expect(audit).toEqual([
      expect.objectContaining({ actorId: admin.userId, details: { ids: [mine[0].id], count: 1 } }),
    ]);
  });
});
