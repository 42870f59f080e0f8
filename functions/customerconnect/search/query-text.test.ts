import { describe, expect, it } from 'vitest';
import { prefixPattern, prefixTsQuery } from './query-text';

describe('search query text', () => {
  it('matches every word as a prefix, lower-cased', () => {
    expect(prefixTsQuery('Acme  Corp')).toBe("'acme':* & 'corp':*");
    expect(prefixTsQuery('ada@acme.example')).toBe("'ada@acme.example':*");
  });

  it('lets no tsquery syntax through', () => {
    expect(prefixTsQuery("o'brien | !x & (y):*")).toBe("'o':* & 'brien':* & 'x':* & 'y':*");
    expect(prefixTsQuery("'|&!():* -- ..")).toBeNull();
  });

  it('keeps at most eight words', () => {
    expect(prefixTsQuery('a b c d e f g h i j')?.split(' & ')).toHaveLength(8);
  });

  it('escapes LIKE wildcards in a prefix pattern', () => {
    expect(prefixPattern('50%_Off\\')).toBe('50\\%\\_off\\\\%');
  });
});
