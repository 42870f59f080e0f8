import { describe, expect, it } from 'vitest';
import { sizeOf } from './import-companies';

describe('company import', () => {
  it('reads a size bucket by name or from a head count', () => {
    expect(sizeOf('11-50')).toBe('11-50');
    expect(sizeOf('5000+')).toBe('5000+');
    expect(sizeOf('42')).toBe('11-50');
    expect(sizeOf('10 employees')).toBe('1-10');
    expect(sizeOf('1000')).toBe('201-1000');
    expect(sizeOf('20000')).toBe('5000+');
    expect(sizeOf('lots')).toBeUndefined();
    expect(sizeOf('-5')).toBeUndefined();
  });
});
