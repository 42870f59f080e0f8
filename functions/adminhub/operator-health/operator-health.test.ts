import type { MetricsSource } from '@halooid/shared/metrics/source';
import type { OperatorAuditEntry } from '@halooid/shared/operator';
import { describe, expect, it } from 'vitest';
import { getOperatorHealth } from './get-operator-health';
import { listTopTenants } from './list-top-tenants';

const NOW = new Date('2026-12-06T15:00:00.000Z');

/** Answers each statement by a fragment of its text. */
function fakeTx(answers: Record<string, unknown[]>) {
  const statements: { text: string; values?: readonly unknown[] }[] = [];
  return {
    statements,
    tx: {
      query: (async (text: string, values?: readonly unknown[]) => {
        statements.push({ text, values });
        const key = Object.keys(answers).find((fragment) => text.includes(fragment));
        const rows = key ? answers[key] : [];
        return { rows, rowCount: rows?.length ?? 0 };
      }) as never,
    },
  };
}

function recorder() {
  const entries: OperatorAuditEntry[] = [];
  return { entries, audit: async (entry: OperatorAuditEntry) => void entries.push(entry) };
}

const DB_ROWS = {
  pg_stat_activity: [{ connections: 12, max_connections: 100, replication_lag_seconds: null }],
  platform_backlogs: [
    {
      outbox_pending: 3,
      outbox_oldest: new Date('2026-12-06T14:59:00.000Z'),
      webhook_pending: 0,
      webhook_oldest: null,
      webhook_failed_24h: 2,
    },
  ],
};

function metrics(overrides: Partial<MetricsSource> = {}): MetricsSource {
  return {
    kind: 'cloudwatch',
    functionMetrics: async () => [
      {
        name: 'halooid-prod-taskodex-tasks',
        invocations: 400,
        errors: 8,
        errorRate: 0.02,
        p95Ms: 120,
        p99Ms: 480,
      },
    ],
    deadLetterQueues: async () => [
      { name: 'halooid-prod-a-dlq', depth: 4 },
      { name: 'halooid-prod-b-dlq', depth: 1 },
    ],
    ...overrides,
  };
}

describe('operator health', () => {
  it('reports components, database, backlogs, dead letters and functions over the last 24 hours, audited', async () => {
    const { tx } = fakeTx(DB_ROWS);
    const { entries, audit } = recorder();
    let window: { from: Date; to: Date } | undefined;

    const health = await getOperatorHealth({
      tx,
      audit,
      now: () => NOW,
      checkComponents: async () => ({
        status: 'degraded',
        components: { database: { status: 'ok', latencyMs: 1 }, cache: { status: 'down', latencyMs: 2000 } },
      }),
      metrics: metrics({
        functionMetrics: async (asked) => {
          window = asked;
          return [];
        },
      }),
    });

    expect(window).toEqual({ from: new Date('2026-12-05T15:00:00.000Z'), to: NOW });
    expect(health).toMatchObject({
      status: 'degraded',
      checkedAt: NOW.toISOString(),
      database: { connections: 12, maxConnections: 100, replicationLagSeconds: null },
      queues: {
        outbox: { pending: 3, oldestAgeSeconds: 60 },
        webhookDeliveries: { pending: 0, oldestAgeSeconds: null, failedLast24Hours: 2 },
        deadLetters: { available: true, total: 5 },
      },
      functions: { source: 'cloudwatch', available: true, items: [] },
    });
    expect(entries).toEqual([{ action: 'adminhub.platform_health.read', targetType: 'platform' }]);
  });

  it('still reports when the metrics source fails, marking its parts unavailable', async () => {
    const { tx } = fakeTx(DB_ROWS);
    const failures: unknown[] = [];

    const health = await getOperatorHealth({
      tx,
      audit: recorder().audit,
      now: () => NOW,
      checkComponents: async () => ({ status: 'ok', components: {} }),
      metrics: metrics({
        functionMetrics: async () => {
          throw new Error('AccessDenied');
        },
        deadLetterQueues: async () => undefined,
      }),
      onMetricsError: (error) => failures.push(error),
    });

    expect(health.status).toBe('ok');
    expect(health.functions).toMatchObject({ available: false, items: [] });
    expect(health.queues.deadLetters).toEqual({ available: false, total: 0, queues: [] });
    expect(failures).toHaveLength(1);
  });
});

describe('top tenants', () => {
  it("ranks tenants over whole UTC days with their tier's quota share, audited", async () => {
    const { tx, statements } = fakeTx({
      usage_top_tenants: [
        {
          tenant_id: '0192f0a0-0000-7000-8000-000000000001',
          name: 'Acme',
          slug: 'acme',
          tier: 'free',
          status: 'active',
          requests: 5_000,
          errors: 2,
          client_errors: 9,
        },
      ],
    });
    const { entries, audit } = recorder();

    const top = await listTopTenants({ days: 2, limit: 10 }, { tx, audit, now: () => NOW });

    expect(statements[0]?.values).toEqual([new Date('2026-12-05T00:00:00.000Z'), 10]);
    expect(top).toEqual({
      from: '2026-12-05',
      to: '2026-12-06',
      items: [
        {
          tenantId: '0192f0a0-0000-7000-8000-000000000001',
          name: 'Acme',
          slug: 'acme',
          tier: 'free',
          status: 'active',
          requests: 5_000,
          errors: 2,
          clientErrors: 9,
          quotaPerDay: 10_000,
          quotaUsed: 0.25,
        },
      ],
    });
    expect(entries).toEqual([
      {
        action: 'adminhub.usage.top_tenants_listed',
        targetType: 'tenant',
        details: { days: 2, returned: 1 },
      },
    ]);
  });
});
