import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { resetConfig } from '../config';
import { defineRoute, defineService, PUBLIC } from '../manifest';
import { API_KEY_RATE_LIMIT } from '../tiers';

/*
 * The adapter's RateLimit fields and declared-header bounds, with hand-built
 * API Gateway events (the adapter's other behaviour: adapter.test.ts).
 */

vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
const { createHttpHandler } = await import('./adapter');

const TENANT_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

const service = defineService({
  product: 'demo',
  capability: 'limits',
  description: 'Routes for testing rate-limit fields.',
  resources: {},
  permissions: [
    { name: 'demo:thing:read', description: 'Read things' },
    { name: 'demo:thing:write', description: 'Write things' },
  ],
  routes: [
    defineRoute({
      operationId: 'readThing',
      method: 'GET',
      path: '/v1/demo/thing',
      permission: 'demo:thing:read',
      summary: 'Read',
      headers: { 'If-Match': 'A version.' },
      response: z.object({ ok: z.boolean() }),
    }),
    defineRoute({
      operationId: 'writeThing',
      method: 'POST',
      path: '/v1/demo/thing',
      permission: 'demo:thing:write',
      summary: 'Write',
      status: 204,
    }),
    defineRoute({
      operationId: 'openThing',
      method: 'GET',
      path: '/v1/demo/open',
      permission: PUBLIC,
      summary: 'Open',
      response: z.object({ ok: z.boolean() }),
    }),
  ],
});

let handler: ReturnType<typeof createHttpHandler<typeof service>>;

beforeAll(() => {
  vi.stubEnv('STAGE', 'test');
  resetConfig();
  handler = createHttpHandler(service, {
    readThing: async () => ({ body: { ok: true } }),
    writeThing: async () => ({ status: 204, body: undefined }),
    openThing: async () => ({ body: { ok: true } }),
  });
});

afterAll(() => {
  vi.unstubAllEnvs();
  resetConfig();
});

interface Caller {
  principalId: string;
  principalType: 'user' | 'apiKey';
  tier: string;
  grants: string;
}

/** A fresh caller per test, so the in-process API-key windows never mix. */
const caller = (
  principalType: Caller['principalType'],
  tier = 'pro',
  grants = 'demo:thing:read',
): Caller => ({
  principalId: principalType === 'apiKey' ? `key${randomUUID().slice(0, 8)}` : randomUUID(),
  principalType,
  tier,
  grants,
});

function invoke(
  method: string,
  resource: string,
  who: Caller | null,
  headers: Record<string, string> = {},
): Promise<APIGatewayProxyResult> {
  const event = {
    resource,
    path: resource,
    httpMethod: method,
    headers,
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: {
      authorizer: who ? { ...who, tenantId: TENANT_ID } : null,
      httpMethod: method,
      identity: { sourceIp: '127.0.0.1' },
      requestId: 'request-1',
      resourcePath: resource,
    },
  } as unknown as APIGatewayProxyEvent;
  return handler(event, { functionName: 'demo-limits' } as Context);
}

const PRO_POLICY = '"tenant";q=50;w=1, "tenant-daily";q=250000;w=86400';
const KEY_POLICY = `"api-key";q=${API_KEY_RATE_LIMIT.limit};w=${API_KEY_RATE_LIMIT.windowSeconds}`;

/** `"api-key";r=<remaining>;t=<seconds>` → its numbers. */
function rateLimitOf(result: APIGatewayProxyResult): { remaining: number; reset: number } {
  const match = /^"api-key";r=(\d+);t=(\d+)$/.exec(String(result.headers?.RateLimit));
  expect(match, `RateLimit: ${String(result.headers?.RateLimit)}`).not.toBeNull();
  return { remaining: Number(match?.[1]), reset: Number(match?.[2]) };
}

describe('RateLimit fields', () => {
  it("a user's answer states the tenant tier's policies and no remaining count", async () => {
    const result = await invoke('GET', '/v1/demo/thing', caller('user'));

    expect(result.statusCode).toBe(200);
    expect(result.headers?.['RateLimit-Policy']).toBe(PRO_POLICY);
    expect(result.headers?.RateLimit).toBeUndefined();
  });

  it("an API key's answer adds the key's window and what is left of it", async () => {
    const key = caller('apiKey', 'free');

    const first = await invoke('GET', '/v1/demo/thing', key);
    const second = await invoke('GET', '/v1/demo/thing', key);

    expect(first.statusCode).toBe(200);
    expect(first.headers?.['RateLimit-Policy']).toBe(
      `"tenant";q=10;w=1, "tenant-daily";q=10000;w=86400, ${KEY_POLICY}`,
    );
    expect(rateLimitOf(first).remaining).toBe(API_KEY_RATE_LIMIT.limit - 1);
    expect(rateLimitOf(second).remaining).toBe(API_KEY_RATE_LIMIT.limit - 2);
    expect(rateLimitOf(second).reset).toBeGreaterThan(0);
    expect(rateLimitOf(second).reset).toBeLessThanOrEqual(API_KEY_RATE_LIMIT.windowSeconds);
  });

  it('error answers carry them too', async () => {
    const result = await invoke('POST', '/v1/demo/thing', caller('apiKey'));

    expect(result.statusCode).toBe(403);
    expect(result.headers?.['RateLimit-Policy']).toBe(`${PRO_POLICY}, ${KEY_POLICY}`);
    expect(rateLimitOf(result).remaining).toBe(API_KEY_RATE_LIMIT.limit - 1);
  });

  it('a key past its window gets 429 with Retry-After and none remaining', async () => {
    const key = caller('apiKey');
    for (let call = 0; call < API_KEY_RATE_LIMIT.limit; call++) {
      expect((await invoke('GET', '/v1/demo/thing', key)).statusCode).toBe(200);
    }

    const result = await invoke('GET', '/v1/demo/thing', key);

    expect(result.statusCode).toBe(429);
    const retryAfter = Number(result.headers?.['Retry-After']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(rateLimitOf(result)).toEqual({ remaining: 0, reset: retryAfter });
    expect(result.headers?.['RateLimit-Policy']).toBe(`${PRO_POLICY}, ${KEY_POLICY}`);
  });

  it('an anonymous call to a public route gets none', async () => {
    const result = await invoke('GET', '/v1/demo/open', null);

    expect(result.statusCode).toBe(200);
    expect(result.headers?.['RateLimit-Policy']).toBeUndefined();
    expect(result.headers?.RateLimit).toBeUndefined();
  });
});

describe('declared headers', () => {
  it('a declared header longer than its bound is a 400 naming it', async () => {
    const result = await invoke('GET', '/v1/demo/thing', caller('user'), {
      'If-Match': `"${'9'.repeat(300)}"`,
    });

    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body).errors).toEqual([
      expect.objectContaining({ field: 'headers.if-match', code: 'too_long' }),
    ]);
  });

  it('a declared header within its bound passes', async () => {
    const result = await invoke('GET', '/v1/demo/thing', caller('user'), { 'If-Match': '"3"' });

    expect(result.statusCode).toBe(200);
  });
});
