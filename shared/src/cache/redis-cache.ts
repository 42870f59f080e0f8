import { Redis } from 'ioredis';
import type { Cache, Counter } from './cache';

/** Keys are namespaced so one ElastiCache can serve several stages. */
export class RedisCache implements Cache {
  readonly kind = 'redis' as const;
  readonly #redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'halooid:',
  ) {
    this.#redis = new Redis(url, {
      lazyConnect: true,
      // Fail fast: a slow cache must degrade to the database, not stall the request.
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      enableOfflineQueue: true,
    });
    // A lost connection also rejects the command that needed it, and callers degrade to the
    // database there; without a listener ioredis would print "Unhandled error event" on every retry.
    this.#redis.on('error', () => {});
  }

  async get<T>(key: string): Promise<T | undefined> {
    const json = await this.#redis.get(this.prefix + key);
    return json === null ? undefined : (JSON.parse(json) as T);
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.#redis.set(this.prefix + key, JSON.stringify(value), 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  async increment(key: string, ttlSeconds: number): Promise<Counter> {
    // One round trip; EXPIRE NX sets the window only when the counter is new.
    const seconds = Math.max(1, Math.ceil(ttlSeconds));
    const result = await this.#redis
      .multi()
      .incr(this.prefix + key)
      .expire(this.prefix + key, seconds, 'NX')
      .ttl(this.prefix + key)
      .exec();
    const ttl = Number(result?.[2]?.[1] ?? seconds);
    return { count: Number(result?.[0]?.[1] ?? 0), expiresInSeconds: ttl > 0 ? ttl : seconds };
  }

  async delete(key: string): Promise<void> {
    await this.#redis.del(this.prefix + key);
  }

  async ping(): Promise<void> {
    await this.#redis.ping();
  }

  async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}
