import { TIER_LIMITS, type TierLimits } from '@halooid/shared/tiers';

interface Bucket {
  tokens: number;
  refilledAt: number;
  day: string;
  usedToday: number;
}

export type UsageVerdict =
  | { allowed: true }
  /** `daily`: the day's quota is spent, rather than the per-second rate. */
  | { allowed: false; retryAfterSeconds: number; reason: string; daily: boolean };

/**
 * API Gateway usage plans, locally: a token bucket per usage key (one per
 * tenant) refilled at the tier's rate up to its burst, plus a daily quota.
 * Same numbers as the usage plans CDK creates (shared/src/tiers.ts).
 */
export class UsagePlans {
  readonly #buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  take(usageKey: string, tier: string): UsageVerdict {
    const limits: TierLimits = TIER_LIMITS[tier as keyof typeof TIER_LIMITS] ?? TIER_LIMITS.free;
    const now = this.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const bucket = this.#buckets.get(usageKey) ?? {
      tokens: limits.burstLimit,
      refilledAt: now,
      day,
      usedToday: 0,
    };
    bucket.tokens = Math.min(
      limits.burstLimit,
      bucket.tokens + ((now - bucket.refilledAt) / 1000) * limits.rateLimit,
    );
    bucket.refilledAt = now;
    if (bucket.day !== day) {
      bucket.day = day;
      bucket.usedToday = 0;
    }
    this.#buckets.set(usageKey, bucket);
    if (bucket.usedToday >= limits.quotaPerDay) {
      const midnight = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
      return {
        allowed: false,
        retryAfterSeconds: Math.ceil((midnight - now) / 1000),
        reason: 'The daily request quota of this tenant is used up.',
        daily: true,
      };
    }
    if (bucket.tokens < 1) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / limits.rateLimit)),
        reason: 'Too many requests for this tenant; slow down.',
        daily: false,
      };
    }
    bucket.tokens -= 1;
    bucket.usedToday += 1;
    return { allowed: true };
  }
}
