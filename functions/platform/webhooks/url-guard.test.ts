import { describe, expect, it } from 'vitest';
import { classifyAddress } from './address-kind';
import { refuseUrl, urlPolicyFor } from './url-guard';

/** A DNS stand-in: names the tests need, and failures. */
const DNS: Record<string, string[]> = {
  'example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'hooks.example.net': ['8.8.8.8'],
  localhost: ['127.0.0.1', '::1'],
  'localhost.': ['127.0.0.1', '::1'],
  'metadata.google.internal': ['169.254.169.254'],
  '169.254.169.254.nip.io': ['169.254.169.254'],
  'internal.corp.example': ['10.0.0.7'],
  'mixed.example': ['93.184.216.34', '10.0.0.1'],
  'mapped.example': ['::ffff:169.254.169.254'],
  'ula.example': ['fd00::5'],
  'empty.example': [],
};
const resolve = async (host: string) => {
  const found = DNS[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};

const production = urlPolicyFor('prod');
const local = urlPolicyFor('local');

/**
 * Hosts that are never a webhook target, with the reason each must be refused
 * for (so a case cannot pass by failing for an unrelated reason). Each is
 * tried as `https://<host>/hook` under both policies; `localOk` marks the
 * literal loopback addresses the local runtime delivers to.
 */
const REFUSED_HOSTS: [host: string, reason: RegExp, localOk?: 'localOk'][] = [
  // IPv4, the special-purpose registry
  ['127.0.0.1', /loopback/, 'localOk'],
  ['127.255.255.254', /loopback/, 'localOk'],
  ['0.0.0.0', /unspecified/],
  ['0.1.2.3', /unspecified/],
  ['10.0.0.1', /private/],
  ['10.255.255.255', /private/],
  ['172.16.0.1', /private/],
  ['172.31.255.254', /private/],
  ['192.168.1.1', /private/],
  ['100.64.0.1', /carrier-grade NAT/],
  ['100.127.255.254', /carrier-grade NAT/],
  ['169.254.169.254', /link-local/],
  ['169.254.0.1', /link-local/],
  ['192.0.0.8', /reserved/],
  ['192.0.0.170', /reserved/],
  ['192.0.2.10', /documentation/],
  ['198.51.100.7', /documentation/],
  ['203.0.113.9', /documentation/],
  ['198.18.0.1', /benchmarking/],
  ['198.19.255.254', /benchmarking/],
  ['224.0.0.1', /multicast/],
  ['239.255.255.250', /multicast/],
  ['240.0.0.1', /reserved/],
  ['255.255.255.255', /broadcast/],
  ['192.88.99.1', /reserved/],
  ['192.31.196.1', /reserved/],
  ['192.52.193.1', /reserved/],
  ['192.175.48.1', /reserved/],
  // IPv4 spelled any other way than a.b.c.d (the WHATWG parser still reads an address)
  ['2852039166', /Write the IP address as 169\.254\.169\.254/],
  ['0251.0376.0251.0376', /as 169\.254\.169\.254/],
  ['0xa9fea9fe', /as 169\.254\.169\.254/],
  ['0xa9.0xfe.0xa9.0xfe', /as 169\.254\.169\.254/],
  ['169.254.169.254.', /as 169\.254\.169\.254/],
  ['127.1', /as 127\.0\.0\.1/],
  ['2130706433', /as 127\.0\.0\.1/],
  ['0x7f.1', /as 127\.0\.0\.1/],
  ['0177.0.0.1', /as 127\.0\.0\.1/],
  ['127.0.0.1.', /as 127\.0\.0\.1/],
  ['%31%32%37.0.0.1', /as 127\.0\.0\.1/],
  ['0', /as 0\.0\.0\.0/],
  // IPv6 and the forms wrapping IPv4 (mapped, compatible, NAT64, 6to4, Teredo)
  ['[::1]', /loopback/, 'localOk'],
  ['[0:0:0:0:0:0:0:1]', /loopback/, 'localOk'],
  ['[::]', /unspecified/],
  ['[::ffff:169.254.169.254]', /link-local address \(IPv4-mapped 169\.254\.169\.254\)/],
  ['[::ffff:a9fe:a9fe]', /link-local address \(IPv4-mapped/],
  ['[::ffff:127.0.0.1]', /loopback address \(IPv4-mapped 127\.0\.0\.1\)/],
  ['[::ffff:7f00:1]', /loopback address \(IPv4-mapped/],
  ['[::ffff:10.0.0.1]', /private address \(IPv4-mapped/],
  ['[::ffff:192.168.1.1]', /private address \(IPv4-mapped/],
  ['[::ffff:0.0.0.0]', /unspecified address \(IPv4-mapped/],
  ['[::127.0.0.1]', /loopback address \(IPv4-compatible/],
  ['[::a9fe:a9fe]', /link-local address \(IPv4-compatible 169\.254\.169\.254\)/],
  ['[::8.8.8.8]', /reserved address \(IPv4-compatible 8\.8\.8\.8\)/],
  ['[64:ff9b::a9fe:a9fe]', /link-local address \(NAT64 169\.254\.169\.254\)/],
  ['[64:ff9b::127.0.0.1]', /loopback address \(NAT64/],
  ['[64:ff9b::10.0.0.1]', /private address \(NAT64/],
  ['[64:ff9b:1::a9fe:a9fe]', /reserved/],
  ['[2002:a9fe:a9fe::1]', /link-local address \(6to4 169\.254\.169\.254\)/],
  ['[2002:7f00:1::1]', /loopback address \(6to4/],
  ['[2002:808:808::1]', /reserved address \(6to4 8\.8\.8\.8\)/],
  ['[2001:0:4136:e378:8000:63bf:3fff:fdd2]', /documentation address \(Teredo 192\.0\.2\.45\)/],
  ['[2001:0:a9fe:a9fe::f7f7:f7f7]', /link-local address \(Teredo 169\.254\.169\.254\)/],
  ['[2001::f7f7:f7f7]', /unspecified address \(Teredo 0\.0\.0\.0\)/],
  ['[fe80::1]', /link-local/],
  ['[febf::1]', /link-local/],
  ['[fec0::1]', /site-local/],
  ['[fc00::1]', /unique-local/],
  ['[fd12:3456:789a::1]', /unique-local/],
  ['[ff02::1]', /multicast/],
  ['[ff05::2]', /multicast/],
  ['[100::1]', /reserved/],
  ['[5f00::1]', /reserved/],
  ['[::ffff:0:a9fe:a9fe]', /reserved/],
  ['[2001:db8::1]', /documentation/],
  ['[3fff::1]', /documentation/],
  ['[2001:2::1]', /benchmarking/],
  ['[2001:10::1]', /reserved/],
  ['[2001:20::1]', /reserved/],
  ['[2620:4f:8000::1]', /reserved/],
  // Names: every address they resolve to must be public, and loopback by name is never taken
  ['localhost', /resolves to 127\.0\.0\.1, a loopback address/],
  ['localhost.', /resolves to 127\.0\.0\.1, a loopback address/],
  ['metadata.google.internal', /resolves to 169\.254\.169\.254, a link-local address/],
  ['169.254.169.254.nip.io', /link-local/],
  ['internal.corp.example', /resolves to 10\.0\.0\.7, a private address/],
  ['mixed.example', /resolves to 10\.0\.0\.1, a private address/],
  ['mapped.example', /link-local address \(IPv4-mapped 169\.254\.169\.254\)/],
  ['ula.example', /unique-local/],
  ['nxdomain.example', /does not resolve/],
  ['empty.example', /does not resolve/],
];

/** Whole URLs whose trick lies outside the host: refused under both policies, whatever they point at. */
const REFUSED_URLS: [url: string, reason: RegExp][] = [
  ['http://evil.com@127.0.0.1/', /Credentials/],
  ['https://evil.com@127.0.0.1/', /Credentials/],
  ['https://evil.com:x@8.8.8.8/', /Credentials/],
  ['http://@127.0.0.1/', /Credentials/],
  ['http://127.0.0.1#@evil.com', /fragment/],
  ['https://8.8.8.8/hook#x', /fragment/],
  ['http://evil.com\\@127.0.0.1/', /Backslashes/],
  ['http:\\\\127.0.0.1\\hook', /Backslashes/],
  ['https://127.0.0.1\\@evil.com/', /Backslashes/],
  ['https://127.0.0.1\t/', /control characters/],
  ['https://169.254.169.254\n/', /control characters/],
  ['https://[fe80::1%25eth0]/', /Not a valid URL/],
  ['https://[::1%25lo]/', /Not a valid URL/],
  ['ftp://8.8.8.8/', /http/],
  ['file:///etc/passwd', /http/],
  ['gopher://127.0.0.1:6379/_INFO', /http/],
  ['javascript:alert(1)', /http/],
  ['not a url', /Backslashes, spaces/],
];

const ACCEPTED: string[] = [
  'https://8.8.8.8/hook',
  'https://1.1.1.1:8443/hook',
  'https://93.184.216.34/',
  'https://100.63.255.255/',
  'https://100.128.0.1/',
  'https://172.15.255.255/',
  'https://172.32.0.1/',
  'https://192.0.3.1/',
  'https://198.20.0.1/',
  'https://223.255.255.254/',
  'https://[2606:4700:4700::1111]/hook',
  'https://[2001:4860:4860::8888]/',
  'https://[2a00:1450:4001::1]/',
  // Mapped and NAT64 forms of a public address reach that public address.
  'https://[::ffff:8.8.8.8]/',
  'https://[64:ff9b::8.8.8.8]/',
  'https://example.com/webhooks?source=halooid',
  'https://hooks.example.net/a/b',
];

describe('webhook URL guard: every non-global target is refused', () => {
  it('has a large table (at least 60 addresses and spellings)', () => {
    expect(REFUSED_HOSTS.length + REFUSED_URLS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(REFUSED_HOSTS)('https://%s/hook under the production policy: %s', async (host, reason) => {
    expect(await refuseUrl(`https://${host}/hook`, production, resolve)).toMatch(reason);
  });

  it.each(REFUSED_HOSTS.filter(([, , localOk]) => !localOk))(
    'http://%s/hook under the local policy: %s',
    async (host, reason) => {
      expect(await refuseUrl(`http://${host}/hook`, local, resolve)).toMatch(reason);
    },
  );

  it.each(REFUSED_URLS)('%j under both policies: %s', async (url, reason) => {
    expect(await refuseUrl(url, production, resolve)).toMatch(reason);
    expect(await refuseUrl(url, local, resolve)).toMatch(reason);
  });

  it('under the local policy takes a literal loopback address, and only that', async () => {
    const literal = REFUSED_HOSTS.filter(([, , localOk]) => localOk).map(([host]) => host);
    expect(literal).toEqual(['127.0.0.1', '127.255.255.254', '[::1]', '[0:0:0:0:0:0:0:1]']);
    for (const host of literal) {
      expect(await refuseUrl(`http://${host}:8080/hook`, local, resolve)).toBeUndefined();
    }
  });

  it('requires https in AWS', async () => {
    expect(await refuseUrl('http://8.8.8.8/hook', production, resolve)).toMatch(/https/);
    expect(await refuseUrl('http://8.8.8.8/hook', local, resolve)).toBeUndefined();
  });

  it.each(ACCEPTED)('accepts %s under both policies', async (url) => {
    expect(await refuseUrl(url, production, resolve)).toBeUndefined();
    expect(await refuseUrl(url, local, resolve)).toBeUndefined();
  });
});

describe('address classification', () => {
  it('unwraps each IPv4-in-IPv6 form and names what it wraps', () => {
    expect(classifyAddress('::ffff:a9fe:a9fe')).toEqual({
      kind: 'link-local',
      via: 'IPv4-mapped',
      embedded: '169.254.169.254',
    });
    expect(classifyAddress('64:ff9b::7f00:1')).toEqual({
      kind: 'loopback',
      via: 'NAT64',
      embedded: '127.0.0.1',
    });
    expect(classifyAddress('2002:c0a8:101::1')).toEqual({
      kind: 'private',
      via: '6to4',
      embedded: '192.168.1.1',
    });
    expect(classifyAddress('fe80::1%eth0')).toEqual({ kind: 'link-local' });
    expect(classifyAddress('not-an-address')).toEqual({ kind: 'reserved' });
  });
});
