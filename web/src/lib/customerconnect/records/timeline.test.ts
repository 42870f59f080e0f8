import { describe, expect, it } from 'vitest';
import { changeValue, duration, fieldLabel } from './timeline';

describe('timeline wording', () => {
  it('names fields, custom ones by label', () => {
    expect(fieldLabel('expectedCloseDate')).toBe('Expected close date');
    expect(fieldLabel('custom.tier', { tier: 'Tier' })).toBe('Tier');
  });
  it('shows values', () => {
    expect(changeValue(null)).toBe('—');
    expect(changeValue([{ email: 'a@x.io' }, { email: 'b@x.io' }])).toBe('a@x.io, b@x.io');
    expect(changeValue({ amount: '5.00', currency: 'EUR' })).toBe('5.00 EUR');
    expect(changeValue(true)).toBe('Yes');
  });
  it('says how long a deal stayed in a stage', () => {
    expect(duration(93784)).toBe('1 d 2 h');
    expect(duration(42)).toBe('42 s');
    expect(duration(null)).toBe('');
  });
});
