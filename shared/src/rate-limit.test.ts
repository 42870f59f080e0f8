import { describe, expect, it } from 'vitest';
import type { Cache } from './cache/cache';
import { MemoryCache } from './cache/memory-cache';
import { TooManyRequestsError } from './errors';
import { enforceRateLimit, hitRateLimit } from './rate-limit';

describe('rate limits', () => {
  it('allow up to the limit in a window, then refuse with a Retry-After inside the window', async () => {
    const cache = new MemoryCache();
    const rule = { limit: 3, windowSeconds: 60 };

    const results = [];
    for (let attempt = 0; attempt < 4; attempt++)
      results.push(await hitRateLimit(cache, 'login:ip:10.0.0.1', rule));

    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3]?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('open each window at its first hit, so a burst cannot straddle a clock boundary and get twice the limit', async () => {
    let now = Date.UTC(2026, 10, 26, 1, 59, 59, 500);
    const cache = new MemoryCache(10_000, () => now);
    const rule = { limit: 2, windowSeconds: 3600 };
    await hitRateLimit(cache, 'signup:acct:a@x', rule);
    await hitRateLimit(cache, 'signup:acct:a@x', rule);
    now += 1_000; // past the top of the hour

    const third = await hitRateLimit(cache, 'signup:acct:a@x', rule);

    expect(third).toMatchObject({ allowed: false, count: 3, retryAfterSeconds: 3599 });
  });

  it('count keys separately', async () => {
    const cache = new MemoryCache();
    const rule = { limit: 1, windowSeconds: 60 };
    await hitRateLimit(cache, 'a', rule);

    expect((await hitRateLimit(cache, 'b', rule)).allowed).toBe(true);
  });

  it('throw a 429 carrying Retry-After when enforced past the limit', async () => {
    const cache = new MemoryCache();
    const rule = { limit: 1, windowSeconds: 30 };
    await enforceRateLimit(cache, 'k', rule);

    const error = await enforceRateLimit(cache, 'k', rule).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect((error as TooManyRequestsError).headers['Retry-After']).toMatch(/^\d+$/);
  });

  it('let requests through when the cache fails', async () => {
    const broken = { increment: () => Promise.reject(new Error('redis down')) } as unknown as Cache;

    expect((await hitRateLimit(broken, 'k', { limit: 1, windowSeconds: 60 })).allowed).toBe(true);
  });
});
