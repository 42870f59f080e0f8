import { describe, expect, it } from 'vitest';
import {
  customBody,
  customFilterParams,
  type FieldDefinition,
  formatCustom,
  fromFormValue,
  toFormValue,
} from './custom';

const field = (type: FieldDefinition['type'], key = 'k'): FieldDefinition => ({
  id: key,
  object: 'company',
  key,
  label: key,
  type,
  options: ['a', 'b'],
  required: false,
  position: 0,
  archived: false,
});

describe('custom field values', () => {
  it('round-trips each type through the form', () => {
    expect(fromFormValue(field('number'), toFormValue(field('number'), 12.5))).toBe(12.5);
    expect(fromFormValue(field('boolean'), toFormValue(field('boolean'), false))).toBe(false);
    expect(fromFormValue(field('multi_select'), toFormValue(field('multi_select'), ['a']))).toEqual(['a']);
    expect(
      fromFormValue(field('currency'), toFormValue(field('currency'), { amount: '10.00', currency: 'EUR' })),
    ).toEqual({ amount: '10.00', currency: 'EUR' });
    expect(fromFormValue(field('date'), toFormValue(field('date'), '2026-12-01'))).toBe('2026-12-01');
  });

  it('clears empty values with null and keeps a bad number for the API to refuse', () => {
    expect(fromFormValue(field('text'), '  ')).toBeNull();
    expect(fromFormValue(field('currency'), { amount: '', currency: '' })).toBeNull();
    expect(fromFormValue(field('number'), 'ten')).toBe('ten');
    expect(fromFormValue(field('currency'), { amount: '5', currency: 'eur' })).toEqual({
      amount: '5',
      currency: 'EUR',
    });
  });

  it('builds a body, leaving empty values out on create', () => {
    const definitions = [field('text', 'tier'), field('select', 'region')];
    expect(customBody(definitions, { tier: 'gold', region: '' })).toEqual({ tier: 'gold', region: null });
    expect(customBody(definitions, { tier: 'gold', region: '' }, { omitEmpty: true })).toEqual({
      tier: 'gold',
    });
  });

  it('formats values for a table', () => {
    expect(formatCustom({ type: 'multi_select' }, ['a', 'b'])).toBe('a, b');
    expect(formatCustom({ type: 'boolean' }, true)).toBe('Yes');
    expect(formatCustom({ type: 'currency' }, { amount: '1.50', currency: 'USD' })).toBe('1.50 USD');
    expect(formatCustom({ type: 'user' }, 'u1', () => 'Sofia')).toBe('Sofia');
    expect(formatCustom({ type: 'text' }, null)).toBe('');
  });

  it('writes custom filters as key:value', () => {
    expect(customFilterParams({ tier: 'gold', region: ' ' })).toEqual(['tier:gold']);
  });
});
