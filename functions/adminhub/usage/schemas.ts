import * as z from 'zod';

/**
 * The tenant's usage page: requests against the tier's daily quota, by API
 * key and by product, error rate and latency per product over the last 24
 * hours (hourly, for charts), storage, webhook delivery health and dead
 * letters. Counts come from platform.request_usage, which every function
 * records (shared/src/usage): requests that reached a function, so calls the
 * gateway refused before (throttled, unauthenticated) are not in them.
 */
export const UsageQuery = z.strictObject({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .default(7)
    .meta({ description: 'UTC days to report, today included (1–90, 7 when absent).' }),
});
export type UsageQuery = z.output<typeof UsageQuery>;

const Counts = {
  requests: z.number().int(),
  /** 5xx answers. */
  errors: z.number().int(),
  /** 4xx answers. */
  clientErrors: z.number().int(),
};

export const UsageDay = z.object({
  date: z.iso.date(),
  ...Counts,
  /** requests / the tier's quotaPerDay. */
  quotaUsed: z.number(),
});

export const ProductLatency = z.object({
  product: z.string(),
  ...Counts,
  errorRate: z.number(),
  p95Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
});

export const UsageReport = z.object({
  tier: z.enum(['free', 'pro', 'enterprise']),
  quotaPerDay: z.number().int(),
  from: z.iso.date(),
  to: z.iso.date(),
  /** One entry per UTC day of the window, oldest first, days without requests included. */
  days: z.array(UsageDay),
  today: z.object({ requests: z.number().int(), remaining: z.number().int(), quotaUsed: z.number() }),
  /** The window's requests by API key (people's requests are `user`), most first. */
  byApiKey: z.array(
    z.object({
      keyId: z.string(),
      ...Counts,
      /** The client networks (/24, /48) the key was called from in the window. */
      networks: z.array(
        z.object({ network: z.string(), requests: z.number().int(), lastSeen: z.iso.datetime() }),
      ),
    }),
  ),
  byProduct: z.array(ProductLatency),
  /** The last 24 hours per product, with an hourly series (oldest first) for charts. */
  last24Hours: z.array(
    ProductLatency.extend({
      hourly: z.array(z.object({ hour: z.iso.datetime(), ...Counts, p95Ms: z.number().nullable() })),
    }),
  ),
  storage: z.object({
    /** How the figure is made: `row-estimate` = the tenant's rows per table × that table's average row size. */
    method: z.literal('row-estimate'),
    rows: z.number().int(),
    estimatedBytes: z.number().int(),
    tables: z.array(
      z.object({ table: z.string(), rows: z.number().int(), estimatedBytes: z.number().int() }),
    ),
  }),
  webhooks: z.object({
    /** Deliveries created in the last 24 hours, by outcome. */
    deliveries: z.object({
      succeeded: z.number().int(),
      failed: z.number().int(),
      pending: z.number().int(),
    }),
    /** succeeded / (succeeded + failed); null without a finished delivery. */
    successRate: z.number().nullable(),
    failingEndpoints: z.array(
      z.object({
        webhookId: z.uuid(),
        url: z.string(),
        enabled: z.boolean(),
        failingSince: z.iso.datetime().nullable(),
        disabledReason: z.string().nullable(),
        failedLast24Hours: z.number().int(),
        lastStatusCode: z.number().int().nullable(),
      }),
    ),
  }),
  deadLetters: z.object({
    /** Whether dead letters can be read per tenant here (the local bus: yes; AWS SQS: no, see docs). */
    available: z.boolean(),
    depth: z.number().int().nullable(),
  }),
});
export type UsageReport = z.infer<typeof UsageReport>;

export const DeadLetter = z.object({
  id: z.uuid(),
  rule: z.string(),
  eventId: z.uuid(),
  eventType: z.string(),
  attempts: z.number().int(),
  error: z.string(),
  deadAt: z.iso.datetime(),
});
export type DeadLetter = z.infer<typeof DeadLetter>;

export const DeadLetterList = z.object({ available: z.boolean(), items: z.array(DeadLetter) });
export type DeadLetterList = z.infer<typeof DeadLetterList>;

export const RedriveBody = z.strictObject({
  ids: z
    .array(z.uuid())
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'The dead letters to send again; every one of the tenant when absent.' }),
});
export type RedriveInput = z.output<typeof RedriveBody>;

export const RedriveResult = z.object({ redriven: z.array(z.uuid()) });
export type RedriveResult = z.infer<typeof RedriveResult>;
