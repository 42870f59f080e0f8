import { startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { API_KEY_RATE_LIMIT, TIER_LIMITS } from '@halooid/shared/tiers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The API contract through the local gateway: the bounds the OpenAPI document
 * states are the ones the handlers enforce, and answers carry the RateLimit
 * fields (draft-ietf-httpapi-ratelimit-headers). The document itself is
 * linted in functions/platform/meta/spectral.test.ts.
 */

let platform: TestPlatform;
let acme: Record<string, string>;
let globex: Record<string, string>;

const policyOf = (tier: keyof typeof TIER_LIMITS) =>
  `"tenant";q=${TIER_LIMITS[tier].rateLimit};w=1, "tenant-daily";q=${TIER_LIMITS[tier].quotaPerDay};w=86400`;

beforeAll(async () => {
  platform = await startTestPlatform();
  // The demo data makes Acme pro and Globex free.
  acme = (await platform.login('owner@acme.example')).headers('acme');
  globex = (await platform.login('owner@globex.example')).headers('globex');
});

afterAll(async () => {
  await platform?.stop();
});

describe('bounds in the contract are enforced by the handlers', () => {
  it('a task title far over its bound is a 400 naming the field, and nothing is stored', async () => {
    const title = `Overlong ${'x'.repeat(100_000)}`;

    const response = await platform.request('POST', '/v1/taskodex/tasks', { headers: acme, body: { title } });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body.title' })]);
    const { rows } = await platform.db.query(
      `select count(*)::int as n from taskodex.tasks where title like 'Overlong %'`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('a 10 MB title is refused before it is parsed', async () => {
    const title = 'x'.repeat(10 * 1024 * 1024);

    const response = await platform.request('POST', '/v1/taskodex/tasks', { headers: acme, body: { title } });

    expect(response.status).toBe(413);
  });

  it('a comment over 10,000 characters is a 400 naming the body', async () => {
    const task = await platform.request('POST', '/v1/taskodex/tasks', {
      headers: acme,
      body: { title: 'Bounded comments' },
    });
    expect(task.status).toBe(201);

    const response = await platform.request('POST', `/v1/taskodex/tasks/${task.body.id}/comments`, {
      headers: acme,
      body: { body: 'y'.repeat(10_001) },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body.body' })]);
  });

  it('a time with a thousand fraction digits is a 400: the format alone would take it', async () => {
    const response = await platform.request('POST', '/v1/taskodex/time-entries', {
      headers: acme,
      body: { startedAt: `2026-03-02T09:00:00.${'0'.repeat(1000)}Z`, durationSeconds: 600 },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body.startedAt' })]);
  });
});

describe('RateLimit fields', () => {
  it("a user's answer names the tenant tier's policies", async () => {
    const response = await platform.request('GET', '/v1/taskodex/tasks', { headers: acme });

    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-policy')).toBe(policyOf('pro'));
  });

  it("an API key's answer adds the key's own window and what is left of it", async () => {
    const created = await platform.request('POST', '/v1/api-keys', {
      headers: acme,
      body: { name: 'Rate-limit fields', scopes: ['taskodex:task:read'] },
    });
    expect(created.status).toBe(201);

    const response = await platform.request('GET', '/v1/taskodex/tasks', {
      headers: { authorization: `ApiKey ${created.body.key}` },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-policy')).toBe(
      `${policyOf('pro')}, "api-key";q=${API_KEY_RATE_LIMIT.limit};w=${API_KEY_RATE_LIMIT.windowSeconds}`,
    );
    expect(response.headers.get('ratelimit')).toMatch(
      new RegExp(`^"api-key";r=${API_KEY_RATE_LIMIT.limit - 1};t=\\d+$`),
    );
  });

  it("the gateway's 429 for a tenant over its tier says which quota ran out and when to retry", async () => {
    // Bursts of parallel calls until the free tier's bucket runs dry (bounded: a few bursts at most).
    let throttled: Awaited<ReturnType<TestPlatform['request']>> | undefined;
    for (let burst = 0; burst < 10 && !throttled; burst++) {
      const responses = await Promise.all(
        Array.from({ length: TIER_LIMITS.free.burstLimit * 2 }, () =>
          platform.request('GET', '/v1/tenants/current', { headers: globex }),
        ),
      );
      throttled = responses.find((response) => response.status === 429);
    }

    expect(throttled?.status).toBe(429);
    const retryAfter = Number(throttled?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(throttled?.headers.get('ratelimit')).toBe(`"tenant";r=0;t=${retryAfter}`);
    expect(throttled?.headers.get('ratelimit-policy')).toBe(policyOf('free'));
  });
});
