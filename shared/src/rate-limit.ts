import type { Cache } from './cache/cache';
import { TooManyRequestsError } from './errors';

export interface RateLimitRule {
  /** Counts per window, e.g. 10 logins per 60 s per IP. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in the cache (Redis when configured, so limits hold
 * across Lambda instances; in-process otherwise). A cache failure lets the
 * request through: an outage of the limiter must not lock every user out.
 */
export async function hitRateLimit(cache: Cache, key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const windowStart = Math.floor(Date.now() / 1000 / rule.windowSeconds) * rule.windowSeconds;
  const retryAfterSeconds = Math.max(1, windowStart + rule.windowSeconds - Math.floor(Date.now() / 1000));
  try {
    const count = await cache.increment(`rl:${key}:${windowStart}`, rule.windowSeconds);
    return { allowed: count <= rule.limit, count, retryAfterSeconds };
  } catch {
    return { allowed: true, count: 0, retryAfterSeconds };
  }
}

/** Throws 429 with Retry-After when the key is over its limit. */
export async function enforceRateLimit(cache: Cache, key: string, rule: RateLimitRule): Promise<void> {
  const result = await hitRateLimit(cache, key, rule);
  if (!result.allowed) throw new TooManyRequestsError(result.retryAfterSeconds);
}
