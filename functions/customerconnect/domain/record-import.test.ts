import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from './custom-fields';
import { customValueOf, importRequestOf } from './record-import';

const definition = (type: FieldDefinition['type']): FieldDefinition => ({
  id: '0195e0a0-0000-7000-8000-000000000001',
  object: 'contact',
  key: 'k',
  label: 'K',
  type,
  options: ['a', 'b'],
  required: false,
  position: 0,
  archived: false,
});

describe('importRequestOf', () => {
  it('takes JSON mapping and dedupe, or the query form for a text/csv body, defaulting to skip', () => {
    expect(importRequestOf({ csv: 'x', mapping: { Correo: 'email' }, dedupe: 'update' }, {})).toEqual({
      csv: 'x',
      mapping: { Correo: 'email' },
      dedupe: 'update',
    });
    expect(importRequestOf('x', { map: ['E-mail: address:email', 'Notes:'] })).toEqual({
      csv: 'x',
      mapping: { 'E-mail: address': 'email', Notes: null },
      dedupe: 'skip',
    });
  });

  it('refuses a setting sent both ways and a map entry without a colon', () => {
    expect(() => importRequestOf({ csv: 'x', dedupe: 'skip' }, { dedupe: 'create' })).toThrow(/not both/);
    expect(() => importRequestOf('x', { map: 'Email' })).toThrow(/CSV header:field/);
  });
});

describe('customValueOf', () => {
  it('reads numbers, booleans, multi-selects and currency amounts from their CSV text', () => {
    expect(customValueOf(definition('number'), '12.5')).toBe(12.5);
    expect(() => customValueOf(definition('number'), '12,5')).toThrow();
    expect(customValueOf(definition('boolean'), 'Yes')).toBe(true);
    expect(customValueOf(definition('multi_select'), 'a; b')).toEqual(['a', 'b']);
    expect(customValueOf(definition('currency'), '1250.00 eur')).toEqual({
      amount: '1250.00',
      currency: 'EUR',
    });
    expect(customValueOf(definition('currency'), 'EUR 3')).toEqual({ amount: '3', currency: 'EUR' });
    expect(() => customValueOf(definition('currency'), '3')).toThrow(/1250.00 EUR/);
    expect(customValueOf(definition('select'), 'a')).toBe('a');
  });
});
