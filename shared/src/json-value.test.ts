import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parsePart } from './http/validation';
import { jsonDepth, jsonObject } from './json-value';

function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 1; level < levels; level++) value = { a: value };
  return value;
}

describe('jsonDepth', () => {
  it('counts objects and arrays, scalars are 0', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: null }] })).toBe(3);
  });

  it('walks a 100,000-level value without exhausting the stack', () => {
    expect(jsonDepth(nested(100_000))).toBe(100_000);
  });
});

describe('jsonObject', () => {
  const Settings = z.strictObject({ settings: jsonObject({ maxDepth: 8, maxBytes: 1000 }) });

  it('accepts an object within both bounds', () => {
    const settings = { theme: { colors: ['#fff'] }, weekStart: 1 };

    expect(Settings.parse({ settings })).toEqual({ settings });
  });

  it('refuses 9 levels with a 400 on the field, code too_deep', () => {
    const run = () => parsePart('body', Settings, { settings: nested(9) });

    expect(run).toThrow(expect.objectContaining({ status: 400 }));
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ errors: [{ field: 'body.settings', code: 'too_deep' }] });
    }
  });

  it('refuses 1,000 and 100,000 levels without a stack overflow', () => {
    expect(Settings.safeParse({ settings: nested(1000) }).error?.issues[0]?.message).toContain('8 levels');
    expect(Settings.safeParse({ settings: nested(100_000) }).error?.issues[0]?.message).toContain('8 levels');
  });

  it('refuses more bytes than allowed, code too_large', () => {
    const result = Settings.safeParse({ settings: { text: 'x'.repeat(1000) } });

    expect(result.error?.issues[0]).toMatchObject({ params: { code: 'too_large' } });
  });

  it('counts bytes, not characters', () => {
    const result = Settings.safeParse({ settings: { text: 'é'.repeat(600) } });

    expect(result.success).toBe(false);
  });
});
