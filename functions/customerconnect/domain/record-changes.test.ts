import { describe, expect, it } from 'vitest';
import { diffFields, sameValue } from './record-changes';

describe('diffFields', () => {
  it('lists the changed fields with before and after, undefined as null, Dates as ISO', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const before = {
      name: 'A',
      phone: '1',
      tags: ['x'],
      address: { city: 'B', line1: null },
      at: null as Date | null,
    };
    const after = {
      name: 'A',
      phone: undefined as unknown as string,
      tags: ['x'],
      address: { line1: null, city: 'B' },
      at,
    };

    expect(diffFields(before, after, ['name', 'phone', 'tags', 'address', 'at'])).toEqual([
      { field: 'phone', from: '1', to: null },
      { field: 'at', from: null, to: '2026-01-02T03:04:05.000Z' },
    ]);
  });

  it('compares arrays by order and objects by content', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
  });
});
