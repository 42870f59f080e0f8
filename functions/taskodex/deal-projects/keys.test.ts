import { describe, expect, it } from 'vitest';
import { keyBase, keyFor } from './create-deal-project';

const id = '0195e0a0-abcd-7000-8000-000000000001';

describe('deal project keys', () => {
  it('takes the name’s first letters and digits, upper case, starting with a letter', () => {
    expect(keyBase('Globex renewal')).toBe('GLOBEX');
    expect(keyBase('2027 Acme roll-out')).toBe('ACMERO');
    expect(keyBase('Café Zürich')).toBe('CAFEZU');
    expect(keyFor('Globex renewal', id, new Set())).toBe('GLOBEX');
  });

  it('appends the next free number when taken', () => {
    expect(keyFor('Globex renewal', id, new Set(['GLOBEX']))).toBe('GLOBEX2');
    expect(keyFor('Globex renewal', id, new Set(['GLOBEX', 'GLOBEX2']))).toBe('GLOBEX3');
  });

  it('falls back to D and the deal id when the name has no usable letters', () => {
    expect(keyFor('☃ 2027', id, new Set())).toBe('D0195E0A0A');
    expect(keyFor('X', id, new Set())).toBe('D0195E0A0A');
    expect(keyFor('D0195E0A0A', id, new Set())).toMatch(/^[A-Z][A-Z0-9]{1,9}$/);
  });
});
