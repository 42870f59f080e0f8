import pg from 'pg';
import { getConfig, requireKeys } from '../config';
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
    const config = requireKeys(getConfig(), ['DATABASE_URL']);
    pool = new pg.Pool({
      connectionString: config.DATABASE_URL,
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
  }
  return pool;
}

export async function closePool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}
