import type { Signer } from '@aws-sdk/rds-signer';
import pg from 'pg';
import { type Config, ConfigError, getConfig } from '../config';
import { createLogger } from '../observability';

/**
 * One pool per process. In Lambda it holds 1–2 connections (DB_POOL_MAX) and
 * lives across invocations; RDS Proxy does the real pooling. Locally one
 * process serves every capability, so the runtime raises the limit.
 */
let pool: pg.Pool | undefined;
const logger = createLogger('db');

// `date` columns stay ISO strings ("2026-11-25"): turning them into JS Dates
// at local midnight shifts them by the process time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// Counts and bigints fit easily in a double for every value we return.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function getPool(): pg.Pool {
  if (!pool) {
    const config = getConfig();
    pool = new pg.Pool({
      ...connectionSettings(config),
      max: config.DB_POOL_MAX,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 5_000,
      // Lambda freezes the process between invocations; idle sockets must not keep it alive.
      allowExitOnIdle: true,
    });
    // An idle connection dropped by the server (failover, Proxy idle timeout,
    // a thawed Lambda) emits here; pg removes it and the next checkout opens a
    // fresh one. Without a listener the process would crash.
    pool.on('error', (error) => logger.warn('Idle database connection dropped', { error: error.message }));
    // A checked-out connection reports a dropped socket on the client itself,
    // outside any query when it is between statements (a shutdown, a failover
    // mid-transaction). The query that needs it still fails and rolls back;
    // this listener only keeps the process from crashing on the stray event.
    pool.on('connect', (client) =>
      client.on('error', (error) =>
        logger.warn('Database connection dropped in use', { error: error.message }),
      ),
    );
  }
  return pool;
}

/**
 * DATABASE_URL when given (local, CI); otherwise RDS Proxy at DB_HOST with an
 * IAM auth token as the password. pg calls the password function for every
 * new connection, and tokens live 15 minutes, so a fresh one is signed each
 * time: no database secret ever sits in the function's environment.
 */
export function connectionSettings(config: Config): pg.PoolConfig {
  if (config.DATABASE_URL) return { connectionString: config.DATABASE_URL };
  if (!config.DB_HOST) throw new ConfigError(['DATABASE_URL or DB_HOST: one is required to reach Postgres']);
  const { DB_HOST: hostname, DB_PORT: port, DB_USER: username, AWS_REGION: region } = config;
  // The signer loads with the first connection, not at import: one SDK module
  // less in every cold start, and none at all with DATABASE_URL.
  let signer: Promise<Signer> | undefined;
  const sign = async () => {
    signer ??= import('@aws-sdk/rds-signer').then(
      ({ Signer }) => new Signer({ hostname, port, username, region }),
    );
    return (await signer).getAuthToken();
  };
  return {
    host: config.DB_HOST,
    port: config.DB_PORT,
    database: config.DB_NAME,
    user: config.DB_USER,
    password: sign,
    // RDS Proxy requires TLS; the Lambda runtime trusts the RDS CAs via NODE_EXTRA_CA_CERTS.
    ssl: { rejectUnauthorized: true },
  };
}

export async function closePool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}
