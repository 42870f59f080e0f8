import { describe, expect, it } from 'vitest';
import { fillMissing, unionCustom, unionTags } from './merge';

describe('merge rules', () => {
  it('keeps the survivor’s values and takes the loser’s where it has none', () => {
    const survivor = {
      domain: null as string | null,
      industry: 'Retail',
      phone: '',
      size: null as string | null,
    };
    const loser = { domain: 'acme.com', industry: 'Energy', phone: '+1', size: null as string | null };

    expect(fillMissing(survivor, loser, ['domain', 'industry', 'phone', 'size'])).toEqual({
      patch: { domain: 'acme.com', phone: '+1' },
      changes: [
        { field: 'domain', from: null, to: 'acme.com' },
        { field: 'phone', from: '', to: '+1' },
      ],
    });
  });

  it('unites tags case-insensitively (survivor first) and custom values (survivor wins)', () => {
    expect(unionTags(['VIP', 'a'], ['vip', 'b', 'a'])).toEqual(['VIP', 'a', 'b']);
    expect(unionCustom({ tier: 'gold' }, { tier: 'silver', seats: 3 })).toEqual({ tier: 'gold', seats: 3 });
  });
});
