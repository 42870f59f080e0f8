import { getConfig } from '../config';
import type { Cache } from './cache';
import { MemoryCache } from './memory-cache';

export type { Cache } from './cache';

let cache: Cache | undefined;

/** The process-wide cache, chosen by `REDIS_URL`. */
export function getCache(): Cache {
  if (!cache) {
    const { REDIS_URL, CACHE_PREFIX } = getConfig();
    cache = REDIS_URL ? lazyRedisCache(REDIS_URL, CACHE_PREFIX) : new MemoryCache();
  }
  return cache;
}

/**
 * Redis behind the same port, with ioredis loaded on the first call rather
 * than at import: a function without REDIS_URL never evaluates the client,
 * and one with it pays when it first needs the cache. (With esbuild code
 * splitting the client would also leave the bundle; see docs/performance.md.)
 */
function lazyRedisCache(url: string, prefix: string): Cache {
  let redis: Promise<Cache> | undefined;
  const connect = () => {
    redis ??= import('./redis-cache').then(({ RedisCache }) => new RedisCache(url, prefix));
    return redis;
  };
  return {
    kind: 'redis',
    get: async (key) => (await connect()).get(key),
    set: async (key, value, ttlSeconds) => (await connect()).set(key, value, ttlSeconds),
    delete: async (key) => (await connect()).delete(key),
    increment: async (key, ttlSeconds) => (await connect()).increment(key, ttlSeconds),
    ping: async () => (await connect()).ping(),
    close: async () => {
      if (redis) await (await redis).close();
    },
  };
}

export async function closeCache(): Promise<void> {
  const current = cache;
  cache = undefined;
  await current?.close();
}
