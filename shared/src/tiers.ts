import type { Tier } from './tenancy';

/**
 * Per-tenant limits by tier: API Gateway usage plans in AWS (infra/aws reads
 * these) and the local gateway's token buckets. `rateLimit` is requests per
 * second, `burstLimit` the bucket size, `quotaPerDay` requests per day.
 */
export interface TierLimits {
  rateLimit: number;
  burstLimit: number;
  quotaPerDay: number;
  /** Webhooks a tenant may have at once: each one multiplies every event into a delivery. */
  maxWebhooks: number;
  /** Days the audit log keeps an entry; AdminHub's daily retention job deletes older ones. */
  auditRetentionDays: number;
}

export const TIER_LIMITS: Readonly<Record<Tier, TierLimits>> = {
  free: { rateLimit: 10, burstLimit: 20, quotaPerDay: 10_000, maxWebhooks: 5, auditRetentionDays: 30 },
  pro: { rateLimit: 50, burstLimit: 100, quotaPerDay: 250_000, maxWebhooks: 25, auditRetentionDays: 365 },
  enterprise: {
    rateLimit: 200,
    burstLimit: 400,
    quotaPerDay: 5_000_000,
    maxWebhooks: 100,
    auditRetentionDays: 2555,
  },
};

/** Each API key also has its own window, so one runaway integration cannot spend its whole tenant's plan. */
export const API_KEY_RATE_LIMIT = { limit: 300, windowSeconds: 60 };
