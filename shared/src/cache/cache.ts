/**
 * The cache port. Redis (ElastiCache) when `REDIS_URL` is set, an in-process
 * map otherwise; callers cannot tell which. Values are JSON. The cache is
 * never the source of truth: every miss or failure falls back to the database.
 */
export interface Counter {
  count: number;
  expiresInSeconds: number;
}

export interface Cache {
  readonly kind: 'memory' | 'redis';
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Atomically adds 1 and returns the new count and the seconds until the
   * counter expires; the key expires `ttlSeconds` after it was created.
   */
  increment(key: string, ttlSeconds: number): Promise<Counter>;
  /** Health probe: resolves when the backend answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
