import { describe, expect, it } from 'vitest';
import { canonical } from './repository';

describe('canonical', () => {
  it('stores the reverse types in their forward direction', () => {
    expect(canonical('b', 'blocked_by', 'a')).toEqual({ from: 'a', to: 'b', type: 'blocks' });
    expect(canonical('b', 'duplicated_by', 'a')).toEqual({ from: 'a', to: 'b', type: 'duplicates' });
  });

  it('keeps forward types as they are', () => {
    expect(canonical('a', 'blocks', 'b')).toEqual({ from: 'a', to: 'b', type: 'blocks' });
    expect(canonical('a', 'relates_to', 'b')).toEqual({ from: 'a', to: 'b', type: 'relates_to' });
  });
});
