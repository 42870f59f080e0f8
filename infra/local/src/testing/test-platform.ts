import { PRODUCTS } from '@halooid/functions/registry';
import '../quiet-sdk-warnings';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_DEMO_PASSWORD } from '../demo-data';
import type { LocalEventsOptions } from '../events/local-events';
import { type LocalPlatform, startLocalPlatform } from '../platform';
import { claimsOf } from './tokens';

/** Event timing for tests: quick bus retries, a relay every 200 ms, webhook retries at 1/20 of the real schedule. */
export const TEST_EVENT_OPTIONS = {
  bus: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 200 },
  jobs: {
    'platform-outbox-relay': { everyMs: 200, settings: { minAgeMs: 300 } },
    'platform-webhooks-worker': { everyMs: 50, settings: { retryScale: 0.05 } },
  },
} as const satisfies LocalEventsOptions;

export interface Session {
  /** The user's id (their Cognito `sub`), as the platform stores it. */
  userId: string;
  accessToken: string;
  refreshToken: string;
  tenants: { id: string; name: string; slug: string }[];
  /** Headers for calls as this user in the tenant with that slug. */
  headers(slug: string): Record<string, string>;
}

export interface TestPlatform extends LocalPlatform {
  /** The test database as its owner, for arranging rows and asserting on them. */
  db: Pick<pg.Pool, 'query'>;
  request(
    method: string,
    path: string,
    options?: { headers?: Record<string, string>; body?: unknown; rawBody?: string },
  ): Promise<TestResponse>;
  login(email: string, password?: string): Promise<Session>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  body: any;
  text: string;
  /** The body as sent, for byte answers (a PDF) that text would mangle. */
  bytes: Uint8Array;
}

/**
 * Demo data the integration suites start with: every product's but Qultrix's
 * and CustomerConnect's. Qultrix's demo links the demo users to employees of
 * a 40-person company; its suites build the people each case needs (a user
 * linked to an employee in one test must not be taken already).
 * CustomerConnect's demo is hundreds of records whose duplicates, owners and
 * teams would stand in the way of suites that count what they made. Each
 * demo seed has its own suite (functions/<product>/demo/demo.int.test.ts)
 * that asks for it.
 */
const SUITES_BUILD_THEIR_OWN = new Set(['qultrix', 'customerconnect', 'invantray', 'adminhub']);
export const TEST_DEMO_PRODUCTS: readonly string[] = PRODUCTS.map((product) => product.key).filter(
  (key) => !SUITES_BUILD_THEIR_OWN.has(key),
);

/**
 * The real local platform for one test file: its own temporary data dir,
 * demo data, a free port. With DATABASE_URL set (CI runs the integration
 * suites against the machine's PostgreSQL) it creates a fresh database on
 * that server and drops it afterwards, so runs never see each other's rows.
 */
export async function startTestPlatform(
  options: {
    /** A data dir to keep between starts (restart tests); a fresh temporary one otherwise. */
    dataDir?: string;
    /** Use embedded PGlite even when DATABASE_URL names a server. */
    embedded?: boolean;
    /** Event bus, relay and webhook timing; TEST_EVENT_OPTIONS unless given. */
    events?: LocalEventsOptions;
    /** The products whose demo data is seeded; TEST_DEMO_PRODUCTS unless given. */
    demoProducts?: readonly string[];
  } = {},
): Promise<TestPlatform> {
  const savedEnv = { ...process.env };
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'halooid-test-')));
  const serverUrl = options.embedded ? undefined : process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  if (serverUrl) databaseUrl = await createDatabase(serverUrl);

  const platform = await startLocalPlatform({
    dataDir,
    ephemeralDatabase: !options.dataDir,
    port: 0,
    databaseUrl,
    redisUrl: process.env.REDIS_URL || undefined,
    cachePrefix: `halooid-test-${randomBytes(6).toString('hex')}:`,
    seed: true,
    demoProducts: options.demoProducts ?? TEST_DEMO_PRODUCTS,
    demoPassword: DEFAULT_DEMO_PASSWORD,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'SILENT',
    events: options.events ?? TEST_EVENT_OPTIONS,
  });
  const pool = new pg.Pool({ connectionString: platform.databaseUrl, max: 2 });
  // Each query runs in its own transaction: PGlite is one backend shared by
  // every connection, and only a transaction keeps another connection's
  // extended-protocol messages from interleaving with this query's.
  const db = {
    query: (async (text: string, values?: unknown[]) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await client.query(text, values);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    }) as pg.Pool['query'],
  };

  const request: TestPlatform['request'] = async (method, urlPath, { headers = {}, body, rawBody } = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (rawBody !== undefined || body !== undefined) {
      init.body = rawBody ?? JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${platform.url}${urlPath}`, init);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text, bytes };
  };

  return {
    ...platform,
    db,
    request,
    async login(email, password = DEFAULT_DEMO_PASSWORD) {
      const response = await request('POST', '/v1/auth/login', { body: { email, password } });
      if (response.status !== 200)
        throw new Error(`login ${email} failed: ${response.status} ${response.text}`);
      const { accessToken, refreshToken, tenants } = response.body as Omit<Session, 'headers'>;
      return {
        userId: claimsOf(accessToken).sub,
        accessToken,
        refreshToken,
        tenants,
        headers(slug: string) {
          const tenant = tenants.find((candidate) => candidate.slug === slug);
          return { authorization: `Bearer ${accessToken}`, 'x-tenant-id': tenant?.id ?? slug };
        },
      };
    },
    async stop() {
      await pool.end();
      await platform.stop();
      if (serverUrl && databaseUrl) await dropDatabase(serverUrl, databaseUrl);
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
      for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
      Object.assign(process.env, savedEnv);
    },
  };
}

async function createDatabase(serverUrl: string): Promise<string> {
  const name = `halooid_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
