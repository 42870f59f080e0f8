import { describe, expect, it } from 'vitest';
import { CompanyDomain, normalizeDomain } from './company';

describe('normalizeDomain', () => {
  it('keeps the lower-case host without scheme, www, port, path or trailing dot', () => {
    expect(normalizeDomain('acme.com')).toBe('acme.com');
    expect(normalizeDomain('  https://WWW.Acme.COM/about?x=1#top ')).toBe('acme.com');
    expect(normalizeDomain('http://user:pw@shop.acme.co.uk:8080/')).toBe('shop.acme.co.uk');
    expect(normalizeDomain('acme.com.')).toBe('acme.com');
    expect(normalizeDomain('www.acme.com/path')).toBe('acme.com');
  });

  it('stores international names in punycode', () => {
    expect(normalizeDomain('https://bücher.de')).toBe('xn--bcher-kva.de');
  });

  it('refuses what holds no host name', () => {
    expect(normalizeDomain('')).toBeNull();
    expect(normalizeDomain('not a domain')).toBeNull();
    expect(normalizeDomain('localhost')).toBeNull();
    expect(normalizeDomain('http://')).toBeNull();
    expect(normalizeDomain('-bad-.com')).toBeNull();
    expect(normalizeDomain('a..b')).toBeNull();
  });

  it('is the schema of a request domain: normalized, or an issue', () => {
    expect(CompanyDomain.parse('HTTPS://www.Example.org/')).toBe('example.org');
    expect(CompanyDomain.safeParse('nope').success).toBe(false);
  });
});
