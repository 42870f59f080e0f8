import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import type { Principal } from '@halooid/shared/auth/principal';
import { encodeGrants } from '@halooid/shared/auth/principal';
import pg from 'pg';

/**
 * The stack every database-backed benchmark shares: the real local platform
 * (gateway, authorizer, functions, Cognito, DynamoDB) over PGlite, or over a
 * fresh database on DATABASE_URL's server (the test platform creates and
 * drops it), migrated and seeded with the demo tenants.
 */
export interface BenchPlatform {
  platform: TestPlatform;
  /** `embedded PGlite` or `PostgreSQL 16.x at host:port`: printed and recorded with the results. */
  database: string;
  embedded: boolean;
  /** The demo owner of acme, logged in through the gateway: a real Cognito access token. */
  owner: Session;
  tenantId: string;
  /** An authorizer context for that owner, as API Gateway hands it to a function. */
  authorizer: Record<string, string>;
  principal: Principal;
  /** A superuser connection (the database owner) for arranging rows: bulk loads, schema. */
  admin: pg.Pool;
  stop(): Promise<void>;
}

export async function startBenchPlatform(): Promise<BenchPlatform> {
  const platform = await startTestPlatform({
    // Background work would land inside the measurements: relay and webhook
    // workers run once an hour instead of every 200 ms; requests still
    // publish their own events right after commit, as in production.
    events: {
      jobs: {
        'platform-outbox-relay': { everyMs: 3_600_000 },
        'platform-webhooks-worker': { everyMs: 3_600_000 },
      },
    },
  });
  const admin = new pg.Pool({ connectionString: platform.databaseUrl, max: 1 });
  // Held for the whole run: when the database stops first, its socket error must not crash the run.
  admin.on('error', () => {});
  admin.on('connect', (client) => client.on('error', () => {}));
  const client = await admin.connect();
  const version = await client
    .query('begin')
    .then(() => client.query<{ server_version: string }>('show server_version'))
    .then(async (result) => {
      await client.query('commit');
      return result.rows[0]?.server_version ?? '?';
    })
    .finally(() => client.release());
  const url = new URL(platform.databaseUrl);
  const database = platform.embeddedDatabase
    ? `embedded PGlite (Postgres ${version} in WASM, in this process, over pglite-socket)`
    : `PostgreSQL ${version} at ${url.hostname}:${url.port || 5432} (DATABASE_URL; fresh database ${url.pathname.slice(1)})`;

  const owner = await platform.login('owner@acme.example');
  const tenantId = owner.headers('acme')['x-tenant-id'] as string;
  const grants = ['*:*:*'];
  const authorizer = {
    tenantId,
    principalId: owner.userId,
    principalType: 'user',
    grants: encodeGrants(grants),
    tier: 'pro',
  };
  return {
    platform,
    database,
    embedded: platform.embeddedDatabase,
    owner,
    tenantId,
    authorizer,
    principal: { tenantId, principalId: owner.userId, principalType: 'user', grants },
    admin,
    async stop() {
      await admin.end();
      await platform.stop();
    },
  };
}

/**
 * One statement as the database owner, in its own transaction: PGlite is a
 * single backend shared by every connection, and only a transaction keeps
 * another connection's messages from interleaving with this one's.
 */
export async function adminQuery<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  admin: pg.Pool,
  text: string,
  values?: unknown[],
): Promise<pg.QueryResult<Row>> {
  const client = await admin.connect();
  try {
    await client.query('begin');
    const result = await client.query<Row>(text, values);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
