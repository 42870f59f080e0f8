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
 * Window counters in the cache (Redis when configured, so limits hold across
 * Lambda instances; in-process otherwise). Each key's window opens at its
 * first hit and lasts `windowSeconds`, rather than being aligned to the clock,
 * so a burst is judged the same at any time of day (see docs/decisions.md).
 * A cache failure lets the request through: an outage of the limiter must not
 * lock every user out.
 */
export async function hitRateLimit(cache: Cache, key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  try {
    const { count, expiresInSeconds } = await cache.increment(`rl:${key}`, rule.windowSeconds);
    return { allowed: count <= rule.limit, count, retryAfterSeconds: Math.max(1, expiresInSeconds) };
  } catch {
    return { allowed: true, count: 0, retryAfterSeconds: rule.windowSeconds };
  }
}

/** Throws 429 with Retry-After when the key is over its limit. */
export async function enforceRateLimit(cache: Cache, key: string, rule: RateLimitRule): Promise<void> {
  const result = await hitRateLimit(cache, key, rule);
  if (!result.allowed) throw new TooManyRequestsError(result.retryAfterSeconds);
}
