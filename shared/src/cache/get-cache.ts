import { getConfig } from '../config';
import type { Cache } from './cache';
import { MemoryCache } from './memory-cache';
import { RedisCache } from './redis-cache';

export type { Cache } from './cache';

let cache: Cache | undefined;

/** The process-wide cache, chosen by `REDIS_URL`. */
export function getCache(): Cache {
  if (!cache) {
    const { REDIS_URL, CACHE_PREFIX } = getConfig();
    cache = REDIS_URL ? new RedisCache(REDIS_URL, CACHE_PREFIX) : new MemoryCache();
  }
  return cache;
}

export async function closeCache(): Promise<void> {
  const current = cache;
  cache = undefined;
  await current?.close();
}
