import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isUuid, UUID_PATTERN, UUID_SOURCE, uuidv7 } from './ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('has the canonical lower-case format with version 7 and the RFC variant', () => {
    for (let i = 0; i < 200; i++) expect(uuidv7()).toMatch(UUID_V7);
  });

  it('puts the millisecond timestamp in the first 48 bits', () => {
    const now = Date.UTC(2025, 0, 2, 3, 4, 5, 678);

    const id = uuidv7(now);

    const hex = id.replaceAll('-', '').slice(0, 12);
    expect(Number.parseInt(hex, 16)).toBe(now);
  });

  it('sorts by creation time across milliseconds', () => {
    const times = [
      1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_999, 1_700_000_123_456, 1_800_000_000_000,
    ];
    const ids = times.map((time) => uuidv7(time));

    expect([...ids].sort()).toEqual(ids);
  });

  it('sorts by creation order within one millisecond', () => {
    const now = 1_900_000_000_000;

    const ids = Array.from({ length: 1500 }, () => uuidv7(now));

    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('borrows the next millisecond when the counter runs out, and keeps sorting', () => {
    const now = 1_950_000_000_000;

    const ids = Array.from({ length: 5000 }, () => uuidv7(now));

    expect([...ids].sort()).toEqual(ids);
    const millis = new Set(ids.map((id) => id.replaceAll('-', '').slice(0, 12)));
    expect(millis.size).toBeGreaterThan(1);
  });

  it('is unique for the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(1_700_000_000_000)));

    expect(ids.size).toBe(1000);
  });
});

describe('isUuid', () => {
  it.each([
    ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', true],
    ['0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B', true],
    ['f3a1c2d4-1111-4222-8333-944455556666', true],
    ['0190a1b2c3d47e5f8a9b0c1d2e3f4a5b', false],
    ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5', false],
    ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5bb', false],
    ['g190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', false],
    [' 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', false],
    ['', false],
  ])('isUuid(%o) is %s', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });

  it('accepts generated ids', () => {
    expect(isUuid(uuidv7())).toBe(true);
  });
});

describe('one UUID pattern', () => {
  /** Source files (tests aside, which may spell a stricter shape such as v7's) outside node_modules and builds. */
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter(
        (entry) =>
          entry.isFile() &&
          /\.(ts|svelte|js)$/.test(entry.name) &&
          !/\.test\.ts$/.test(entry.name) &&
          !/(^|[\\/])(node_modules|build|\.svelte-kit|cdk\.out|dist)([\\/]|$)/.test(entry.parentPath),
      )
      .map((entry) => path.join(entry.parentPath, entry.name));
  }
  /** A hand-written UUID: 8 hex digits then a dash, in any regex spelling (`[0-9a-f]{8}-`, `[0-9a-fA-F]{8}-`, `[\da-f]{8}-`). */
  const HAND_WRITTEN = /\]\{8\}-/;

  it('is written only in shared/src/ids.ts; everything else uses isUuid, UUID_PATTERN or UUID_SOURCE', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const dirs = ['functions', 'shared/src', 'infra', 'web/src', 'mobile', 'bench'].map((dir) =>
      path.join(root, dir),
    );

    const copies = dirs
      .filter((dir) => existsSync(dir))
      .flatMap(sourceFiles)
      .filter((file) => HAND_WRITTEN.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));

    expect(copies).toEqual([path.join('shared', 'src', 'ids.ts')]);
  });

  it('embeds as the same check (mention tokens use UUID_SOURCE)', () => {
    const id = uuidv7().toUpperCase();

    expect(UUID_PATTERN.test(id)).toBe(true);
    expect(new RegExp(`^${UUID_SOURCE}$`).test(`${id}0`)).toBe(false);
  });
});
