import { describe, expect, it } from 'vitest';
import { parseIdentifier, toPrefixQuery } from './task-repository';

describe('parseIdentifier', () => {
  it('reads a task number in any case, with spaces around it', () => {
    expect(parseIdentifier('WEB-42')).toEqual({ key: 'WEB', sequence: 42 });
    expect(parseIdentifier(' web-7 ')).toEqual({ key: 'WEB', sequence: 7 });
    expect(parseIdentifier('TASK-3')).toEqual({ key: 'TASK', sequence: 3 });
  });

  it('leaves ordinary search text alone', () => {
    for (const text of ['fix login', 'WEB', '42', 'WEB-', 'WEB-42 login', 'W-1', '1WEB-2'])
      expect(parseIdentifier(text)).toBeUndefined();
  });
});

describe('toPrefixQuery', () => {
  it('keeps letters and digits as prefix terms', () => {
    expect(toPrefixQuery('Fix log-in!')).toBe('fix:* & log:* & in:*');
    expect(toPrefixQuery('--')).toBeUndefined();
  });
});
