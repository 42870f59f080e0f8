import type { Cache, Counter } from './cache';

interface Entry {
  json: string;
  expiresAt: number;
}

/**
 * In-process cache with TTLs and a size bound. A Map keeps insertion order, so
 * deleting and re-inserting on read makes the first key the least recently used.
 */
export class MemoryCache implements Cache {
  readonly kind = 'memory' as const;
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.#entries.set(key, entry);
    return JSON.parse(entry.json) as T;
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    this.#entries.delete(key);
    // Like Redis, nothing is stored for a value JSON cannot represent; a later get misses.
    if (value === undefined || typeof value === 'function') return;
    // Stored as JSON so a cached object cannot be mutated by the caller that read it.
    this.#entries.set(key, { json: JSON.stringify(value), expiresAt: this.now() + ttlSeconds * 1000 });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  async increment(key: string, ttlSeconds: number): Promise<Counter> {
    const entry = this.#entries.get(key);
    const live = entry && entry.expiresAt > this.now() ? entry : undefined;
    const count = (live ? Number(JSON.parse(live.json)) : 0) + 1;
    const expiresAt = live?.expiresAt ?? this.now() + ttlSeconds * 1000;
    this.#entries.delete(key);
    this.#entries.set(key, { json: String(count), expiresAt });
    return { count, expiresInSeconds: Math.ceil((expiresAt - this.now()) / 1000) };
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.#entries.clear();
  }
}
