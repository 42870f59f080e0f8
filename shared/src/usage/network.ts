import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network a client address belongs to, as the API-key baseline counts
 * it: the IPv4 /24 (`203.0.113.0/24`) or the IPv6 /48
 * (`2001:db8:12::/48`). An IPv4-mapped IPv6 address counts as IPv4.
 * Undefined for anything that is not an address.
 */
export function clientNetwork(ip: string): string | undefined {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)?.[1];
  const address = mapped ?? ip;
  if (isIPv4(address)) {
    const [a, b, c] = address.split('.');
    return `${Number(a)}.${Number(b)}.${Number(c)}.0/24`;
  }
  if (isIPv6(address)) {
    const groups = expandIPv6(address);
    if (!groups) return undefined;
    const prefix = groups.slice(0, 3).map((group) => Number.parseInt(group, 16).toString(16));
    return `${prefix.join(':')}::/48`;
  }
  return undefined;
}

/** The eight groups of an IPv6 address (zone and embedded IPv4 tail handled). */
function expandIPv6(address: string): string[] | undefined {
  let text = address.split('%')[0] ?? '';
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)?.[1];
  if (v4) {
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 0) return undefined;
  return [...left, ...new Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
}
