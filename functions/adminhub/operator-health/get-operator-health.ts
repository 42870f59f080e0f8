import type { HealthReport } from '@halooid/shared/health';
import type { MetricsSource } from '@halooid/shared/metrics/source';
import type { OperatorDeps } from '@halooid/shared/operator';
import { selectBacklogs, selectDatabaseStats } from './repository';
import type { OperatorHealth } from './schemas';

export type GetOperatorHealthDeps = Pick<OperatorDeps, 'tx' | 'audit' | 'now'> & {
  /** The component probes of GET /v1/health (shared/src/health.ts). */
  checkComponents: () => Promise<HealthReport>;
  metrics: MetricsSource;
  onMetricsError?: (error: unknown) => void;
};

const DAY_MS = 86_400_000;

function ageSeconds(since: Date | null, now: Date): number | null {
  return since ? Math.max(0, Math.round((now.getTime() - new Date(since).getTime()) / 1000)) : null;
}

/**
 * The platform's health for operators. The metrics source is asked last and
 * on its own: CloudWatch failing to answer (throttled, no permission) marks
 * its parts unavailable instead of failing the whole view, which operators
 * need most when something is wrong. The read is an audited operator call.
 */
export async function getOperatorHealth(deps: GetOperatorHealthDeps): Promise<OperatorHealth> {
  const now = deps.now();
  const window = { from: new Date(now.getTime() - DAY_MS), to: now };
  const components = await deps.checkComponents();
  const database = await selectDatabaseStats(deps.tx);
  const backlogs = await selectBacklogs(deps.tx);

  const settle = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      deps.onMetricsError?.(error);
      return undefined;
    }
  };
  const functions = await settle(() => deps.metrics.functionMetrics(window));
  const deadLetters = await settle(() => deps.metrics.deadLetterQueues());

  await deps.audit({ action: 'adminhub.platform_health.read', targetType: 'platform' });
  return {
    status: components.status,
    checkedAt: now.toISOString(),
    components: components.components,
    database: {
      connections: database.connections,
      maxConnections: database.max_connections,
      replicationLagSeconds:
        database.replication_lag_seconds === null
          ? null
          : Math.round(database.replication_lag_seconds * 10) / 10,
    },
    queues: {
      outbox: { pending: backlogs.outbox_pending, oldestAgeSeconds: ageSeconds(backlogs.outbox_oldest, now) },
      webhookDeliveries: {
        pending: backlogs.webhook_pending,
        oldestAgeSeconds: ageSeconds(backlogs.webhook_oldest, now),
        failedLast24Hours: backlogs.webhook_failed_24h,
      },
      deadLetters: {
        available: deadLetters !== undefined,
        total: (deadLetters ?? []).reduce((sum, queue) => sum + queue.depth, 0),
        queues: (deadLetters ?? []).map((queue) => ({ name: queue.name, depth: Math.round(queue.depth) })),
      },
    },
    functions: {
      source: deps.metrics.kind,
      available: functions !== undefined,
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      items: (functions ?? []).map((item) => ({
        ...item,
        invocations: Math.round(item.invocations),
        errors: Math.round(item.errors),
      })),
    },
  };
}
