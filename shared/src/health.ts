import { cognitoSdk, getCognitoClient } from './auth/cognito-client';
import { getCache } from './cache/get-cache';
import { getConfig } from './config';
import { getPool } from './db/pool';
import { dynamoSdk, getDynamoClient } from './dynamodb';
import type { Logger } from './observability';

/**
 * The platform's health checks: GET /v1/health (platform meta) and the
 * operators' richer GET /v1/operator/health (AdminHub) run the same probes.
 */
export type Probe = () => Promise<unknown>;

export interface HealthReport {
  status: 'ok' | 'degraded';
  components: Record<string, { status: 'ok' | 'down'; latencyMs: number }>;
}

const PROBE_TIMEOUT_MS = 2_000;

/**
 * The dependencies every function relies on. The SDKs load when a check
 * runs, not at import: a function that never checks never pays for them.
 */
export function platformProbes(): Record<string, Probe> {
  return {
    database: () => getPool().query('select 1'),
    cache: () => getCache().ping(),
    cognito: () =>
      getCognitoClient().send(
        new (cognitoSdk().DescribeUserPoolCommand)({ UserPoolId: getConfig().COGNITO_USER_POOL_ID ?? '' }),
      ),
    dynamodb: () => getDynamoClient().send(new (dynamoSdk().ListTablesCommand)({ Limit: 1 })),
  };
}

/** Runs every probe in parallel with a timeout; a slow dependency counts as down. */
export async function checkHealth(probes: Record<string, Probe>, logger: Logger): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          probe(),
          new Promise((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`timed out after ${PROBE_TIMEOUT_MS} ms`)),
              PROBE_TIMEOUT_MS,
            );
          }),
        ]);
        return [name, { status: 'ok' as const, latencyMs: elapsed(started) }] as const;
      } catch (error) {
        logger.warn('Health probe failed', { component: name, error: (error as Error).message });
        return [name, { status: 'down' as const, latencyMs: elapsed(started) }] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const components = Object.fromEntries(entries);
  return {
    status: entries.every(([, health]) => health.status === 'ok') ? 'ok' : 'degraded',
    components,
  };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
