import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cache } from './cache';
import { MemoryCache } from './memory-cache';
import { RedisCache } from './redis-cache';

/** One contract, every implementation: callers must not be able to tell them apart. */
const implementations: [string, () => Cache, boolean][] = [
  ['memory', () => new MemoryCache(), true],
  [
    'redis (REDIS_URL)',
    () => new RedisCache(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', `halooid-test:${randomUUID()}:`),
    Boolean(process.env.REDIS_URL),
  ],
];

describe.each(implementations)('the %s cache', (_name, create, available) => {
  const cache = available ? create() : undefined;

  afterAll(async () => {
    await cache?.close();
  });

  it.skipIf(!available)('round-trips JSON values and forgets deleted keys', async () => {
    const store = cache as Cache;
    await store.set('grants', { permissions: ['taskodex:task:read'], version: 3 }, 60);

    expect(await store.get('grants')).toEqual({ permissions: ['taskodex:task:read'], version: 3 });
    await store.delete('grants');
    expect(await store.get('grants')).toBeUndefined();
  });

  it.skipIf(!available)('misses on a key never set and answers a ping', async () => {
    const store = cache as Cache;

    expect(await store.get(`missing-${randomUUID()}`)).toBeUndefined();
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it.skipIf(!available)('counts increments atomically within a window', async () => {
    const store = cache as Cache;
    const key = `counter-${randomUUID()}`;

    const counters = await Promise.all(Array.from({ length: 5 }, () => store.increment(key, 60)));

    expect(counters.map((counter) => counter.count).sort()).toEqual([1, 2, 3, 4, 5]);
    for (const counter of counters) expect(counter.expiresInSeconds).toBeGreaterThan(55);
  });

  it.skipIf(!available)('expires entries after their TTL', async () => {
    const store = cache as Cache;
    await store.set('short', 'lived', 1);

    await new Promise((resolve) => setTimeout(resolve, 1_100));

    expect(await store.get('short')).toBeUndefined();
  });
});
