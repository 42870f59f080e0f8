import * as z from 'zod';

/**
 * The operators' view of the platform's health: every component as GET
 * /v1/health reports it, plus the database's connections and replication
 * lag, the queues the platform keeps (outbox, webhook deliveries, dead
 * letters), and per-function error rates and latency from the metrics source
 * (CloudWatch in AWS, request_usage locally). Only aggregates: no tenant's rows.
 */
const ComponentHealth = z.object({ status: z.enum(['ok', 'down']), latencyMs: z.number() });

const Backlog = z.object({
  pending: z.number().int(),
  /** Age of the oldest waiting item; null when none waits. */
  oldestAgeSeconds: z.number().nullable(),
});

export const OperatorHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  checkedAt: z.iso.datetime(),
  components: z.record(z.string(), ComponentHealth),
  database: z.object({
    /** Sessions on the server (pg_stat_activity). */
    connections: z.number().int(),
    maxConnections: z.number().int().nullable(),
    /** Seconds behind the primary on a replica; null on the writer or when not known. */
    replicationLagSeconds: z.number().nullable(),
  }),
  queues: z.object({
    /** Events committed but not yet on the bus. */
    outbox: Backlog,
    /** Webhook deliveries waiting for an attempt. */
    webhookDeliveries: Backlog.extend({ failedLast24Hours: z.number().int() }),
    deadLetters: z.object({
      /** False when the metrics source cannot see them (or failed to answer). */
      available: z.boolean(),
      total: z.number().int(),
      queues: z.array(z.object({ name: z.string(), depth: z.number().int() })),
    }),
  }),
  functions: z.object({
    source: z.enum(['cloudwatch', 'in-process']),
    /** False when the metrics source failed to answer (the rest of the report still stands). */
    available: z.boolean(),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    items: z.array(
      z.object({
        name: z.string(),
        invocations: z.number().int(),
        errors: z.number().int(),
        errorRate: z.number(),
        p95Ms: z.number().nullable(),
        p99Ms: z.number().nullable(),
      }),
    ),
  }),
});
export type OperatorHealth = z.infer<typeof OperatorHealth>;

export const TopTenantsQuery = z.strictObject({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .default(1)
    .meta({ description: 'UTC days to add up, today included (1–90, 1 when absent).' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TopTenantsQuery = z.output<typeof TopTenantsQuery>;

export const TopTenants = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  items: z.array(
    z.object({
      tenantId: z.uuid(),
      name: z.string(),
      slug: z.string(),
      tier: z.enum(['free', 'pro', 'enterprise']),
      status: z.enum(['active', 'disabled', 'suspended']),
      requests: z.number().int(),
      errors: z.number().int(),
      clientErrors: z.number().int(),
      /** The tier's daily quota, and the busiest share of it: requests / (days × quotaPerDay). */
      quotaPerDay: z.number().int(),
      quotaUsed: z.number(),
    }),
  ),
});
export type TopTenants = z.infer<typeof TopTenants>;
