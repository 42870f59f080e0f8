import { ValidationError } from '@halooid/shared/errors';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from './period';

describe('parsePeriod', () => {
  it('reads years, quarters and months as [from, to)', () => {
    expect(parsePeriod('2026')).toEqual({ label: '2026', from: '2026-01-01', to: '2027-01-01' });
    expect(parsePeriod('2026-Q4')).toEqual({ label: '2026-Q4', from: '2026-10-01', to: '2027-01-01' });
    expect(parsePeriod('2026-Q1')).toEqual({ label: '2026-Q1', from: '2026-01-01', to: '2026-04-01' });
    expect(parsePeriod('2026-11')).toEqual({ label: '2026-11', from: '2026-11-01', to: '2026-12-01' });
    expect(parsePeriod('2026-12')).toEqual({ label: '2026-12', from: '2026-12-01', to: '2027-01-01' });
  });

  it.each(['26', '2026-Q5', '2026-13', '2026-00', '2026-q1', '1899', '9999', '2026-1', ''])(
    'refuses %j with a 400 on query.period',
    (text) => {
      expect(() => parsePeriod(text)).toThrow(ValidationError);
    },
  );
});
