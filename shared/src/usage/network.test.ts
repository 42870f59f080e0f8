import { describe, expect, it } from 'vitest';
import { clientNetwork } from './network';

describe('clientNetwork', () => {
  it('keeps the /24 of an IPv4 address', () => {
    expect(clientNetwork('203.0.113.77')).toBe('203.0.113.0/24');
    expect(clientNetwork('::ffff:198.51.100.9')).toBe('198.51.100.0/24');
  });

  it('keeps the /48 of an IPv6 address, compressed or not', () => {
    expect(clientNetwork('2001:db8:12:34::1')).toBe('2001:db8:12::/48');
    expect(clientNetwork('2001:0db8:0000:0001:0000:0000:0000:0001')).toBe('2001:db8:0::/48');
    expect(clientNetwork('::1')).toBe('0:0:0::/48');
    expect(clientNetwork('fe80::1%eth0')).toBe('fe80:0:0::/48');
  });

  it('refuses what is not an address', () => {
    expect(clientNetwork('')).toBeUndefined();
    expect(clientNetwork('unknown')).toBeUndefined();
    expect(clientNetwork('300.1.1.1')).toBeUndefined();
  });
});
