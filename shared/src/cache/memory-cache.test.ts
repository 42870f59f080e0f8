import { describe, expect, it } from 'vitest';
import { MemoryCache } from './memory-cache';

function clock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('MemoryCache', () => {
  it('reports its kind', () => {
    expect(new MemoryCache().kind).toBe('memory');
  });

  it('returns what was set', async () => {
    const cache = new MemoryCache();

    await cache.set('k', { a: 1, b: ['x'] }, 60);

    expect(await cache.get('k')).toEqual({ a: 1, b: ['x'] });
  });

  it('misses an unknown key', async () => {
    expect(await new MemoryCache().get('nope')).toBeUndefined();
  });

  it('keeps an entry until its TTL has passed', async () => {
    const time = clock();
    const cache = new MemoryCache(100, time.now);
    await cache.set('k', 'v', 10);

    time.advance(9_999);
    expect(await cache.get('k')).toBe('v');

    time.advance(1);
    expect(await cache.get('k')).toBeUndefined();
  });

  it('stays expired after a miss', async () => {
    const time = clock();
    const cache = new MemoryCache(100, time.now);
    await cache.set('k', 'v', 1);
    time.advance(2_000);
    await cache.get('k');

    time.advance(-2_000);

    expect(await cache.get('k')).toBeUndefined();
  });

  it('restarts the TTL when a key is set again', async () => {
    const time = clock();
    const cache = new MemoryCache(100, time.now);
    await cache.set('k', 'old', 10);
    time.advance(8_000);

    await cache.set('k', 'new', 10);
    time.advance(8_000);

    expect(await cache.get('k')).toBe('new');
  });

  it('evicts the oldest entry beyond maxEntries', async () => {
    const cache = new MemoryCache(2);
    await cache.set('a', 1, 60);
    await cache.set('b', 2, 60);

    await cache.set('c', 3, 60);

    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBe(2);
    expect(await cache.get('c')).toBe(3);
  });

  it('evicts the least recently read entry, not the least recently written', async () => {
    const cache = new MemoryCache(2);
    await cache.set('a', 1, 60);
    await cache.set('b', 2, 60);
    await cache.get('a');

    await cache.set('c', 3, 60);

    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe(1);
    expect(await cache.get('c')).toBe(3);
  });

  it('does not evict when overwriting an existing key at capacity', async () => {
    const cache = new MemoryCache(2);
    await cache.set('a', 1, 60);
    await cache.set('b', 2, 60);

    await cache.set('a', 10, 60);

    expect(await cache.get('a')).toBe(10);
    expect(await cache.get('b')).toBe(2);
  });

  it('returns copies, so callers cannot change cached values', async () => {
    const cache = new MemoryCache();
    const original = { tags: ['a'] };
    await cache.set('k', original, 60);

    original.tags.push('mutated-after-set');
    const first = await cache.get<{ tags: string[] }>('k');
    first?.tags.push('mutated-after-get');
    const second = await cache.get<{ tags: string[] }>('k');

    expect(second).toEqual({ tags: ['a'] });
    expect(second).not.toBe(first);
  });

  it('deletes a key', async () => {
    const cache = new MemoryCache();
    await cache.set('k', 1, 60);

    await cache.delete('k');

    expect(await cache.get('k')).toBeUndefined();
  });

  it('clears everything on close', async () => {
    const cache = new MemoryCache();
    await cache.set('a', 1, 60);
    await cache.set('b', 2, 60);

    await cache.close();

    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBeUndefined();
  });

  it('answers ping', async () => {
    await expect(new MemoryCache().ping()).resolves.toBeUndefined();
  });
});

describe('MemoryCache with values JSON cannot hold', () => {
  it('stores nothing for undefined, so the next read misses instead of throwing', async () => {
    const cache = new MemoryCache();
    await cache.set('key', 'before', 60);

    await cache.set('key', undefined, 60);

    await expect(cache.get('key')).resolves.toBeUndefined();
  });
});
