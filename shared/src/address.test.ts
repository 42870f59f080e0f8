import { describe, expect, it } from 'vitest';
import { PostalAddress } from './address';

describe('PostalAddress', () => {
  it('trims the lines and upper-cases the country', () => {
    expect(PostalAddress.parse({ line1: ' 1 Dock Road ', city: 'Hamburg', country: 'de' })).toEqual({
      line1: '1 Dock Road',
      city: 'Hamburg',
      country: 'DE',
    });
  });

  it('takes every part as optional or null', () => {
    expect(PostalAddress.parse({})).toEqual({});
    expect(PostalAddress.parse({ line2: null, country: null })).toEqual({ line2: null, country: null });
  });

  it('refuses a direction override in a line, a long line, a country that is not two letters and unknown parts', () => {
    expect(PostalAddress.safeParse({ line1: 'Dock\u202ERoad' }).success).toBe(false);
    expect(PostalAddress.safeParse({ postalCode: '1'.repeat(21) }).success).toBe(false);
    expect(PostalAddress.safeParse({ country: 'DEU' }).success).toBe(false);
    expect(PostalAddress.safeParse({ country: 'D1' }).success).toBe(false);
    expect(PostalAddress.safeParse({ street: 'x' }).success).toBe(false);
  });
});
