import { BlockList, isIP } from 'node:net';

/**
 * What an IP address is, for deciding whether a webhook may be sent to it.
 * Only `public` (global unicast) is a webhook target; the local runtime also
 * allows a literal loopback address (url-guard.ts decides that).
 */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'shared (carrier-grade NAT)'
  | 'link-local'
  | 'unique-local'
  | 'site-local'
  | 'multicast'
  | 'broadcast'
  | 'unspecified'
  | 'documentation'
  | 'benchmarking'
  | 'reserved';

/** IPv6 forms that carry an IPv4 address inside them. */
export type Embedding = 'IPv4-mapped' | 'IPv4-compatible' | 'NAT64' | '6to4' | 'Teredo';

export interface AddressClass {
  kind: AddressKind;
  /** Set when the address is an IPv6 form wrapping an IPv4 one. */
  via?: Embedding;
  /** The wrapped IPv4 address (for Teredo, the one that decided the kind). */
  embedded?: string;
}

type Range = readonly [network: string, prefix: number, kind: AddressKind];

/**
 * The IANA IPv4 Special-Purpose Address Registry, every entry (even those
 * marked globally reachable, such as AS112 or 192.0.0.9: no webhook receiver
 * lives there), most specific first: the first match decides.
 */
const IPV4_SPECIAL: readonly Range[] = [
  ['255.255.255.255', 32, 'broadcast'],
  ['0.0.0.0', 8, 'unspecified'], // "this network"
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments (DS-Lite, NAT64 discovery, PCP, TURN)
  ['192.0.2.0', 24, 'documentation'],
  ['192.31.196.0', 24, 'reserved'], // AS112-v4
  ['192.52.193.0', 24, 'reserved'], // AMT
  ['192.88.99.0', 24, 'reserved'], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16, 'private'],
  ['192.175.48.0', 24, 'reserved'], // AS112 direct delegation
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // future use (and the broadcast address above)
];

/**
 * The IANA IPv6 Special-Purpose Address Registry inside 2000::/3 (everything
 * outside 2000::/3 is refused anyway, below). The forms wrapping IPv4 are
 * unwrapped before this list is read.
 */
const IPV6_SPECIAL_GLOBAL: readonly Range[] = [
  ['2001:db8::', 32, 'documentation'],
  ['2001:2::', 48, 'benchmarking'],
  // IETF protocol assignments: Teredo, ORCHID, ORCHIDv2, AMT, AS112, drone DET, PCP/TURN anycast.
  ['2001::', 23, 'reserved'],
  ['2002::', 16, 'reserved'], // 6to4, deprecated
  ['2620:4f:8000::', 48, 'reserved'], // AS112 direct delegation
  ['3fff::', 20, 'documentation'],
];

/** Named kinds outside 2000::/3, for a clear message; anything else there is `reserved`. */
const IPV6_SPECIAL_OTHER: readonly Range[] = [
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'], // deprecated, still routed inside some networks
  ['ff00::', 8, 'multicast'],
];

/** One BlockList per range: BlockList answers "in the list?", we also need "which kind?". */
function compile(ranges: readonly Range[], type: 'ipv4' | 'ipv6') {
  return ranges.map(([network, prefix, kind]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, type);
    return { list, kind };
  });
}

const V4 = compile(IPV4_SPECIAL, 'ipv4');
const V6_GLOBAL = compile(IPV6_SPECIAL_GLOBAL, 'ipv6');
const V6_OTHER = compile(IPV6_SPECIAL_OTHER, 'ipv6');
const GLOBAL_UNICAST = compile([['2000::', 3, 'public']], 'ipv6');

function ipv4Kind(address: string): AddressKind {
  return V4.find((range) => range.list.check(address, 'ipv4'))?.kind ?? 'public';
}

/** The eight 16-bit groups of a valid IPv6 address (zone id removed), a trailing dotted quad included. */
export function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const quad = text.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const ipv4Of = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/** Classifies any IP address; anything that is not an IP at all is `reserved`. */
export function classifyAddress(raw: string): AddressClass {
  const address = raw.replace(/%.*$/, ''); // a zone id never changes what the address is
  const version = isIP(address);
  if (version === 4) return { kind: ipv4Kind(address) };
  if (version !== 6) return { kind: 'reserved' };
  const g = ipv6Groups(address) as [number, number, number, number, number, number, number, number];
  const zeros = (from: number, to: number) => g.slice(from, to).every((group) => group === 0);
  const embedded = (via: Embedding, high: number, low: number): AddressClass => {
    const ipv4 = ipv4Of(high, low);
    return { kind: ipv4Kind(ipv4), via, embedded: ipv4 };
  };
  /** Forms nobody should route to even around a public IPv4: refused, named after what they wrap. */
  const refusedForm = (found: AddressClass): AddressClass =>
    found.kind === 'public' ? { ...found, kind: 'reserved' } : found;

  if (zeros(0, 5) && g[5] === 0xffff) return embedded('IPv4-mapped', g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return embedded('NAT64', g[6], g[7]);
  if (zeros(0, 6)) {
    if (g[6] === 0 && g[7] === 0) return { kind: 'unspecified' };
    if (g[6] === 0 && g[7] === 1) return { kind: 'loopback' };
    return refusedForm(embedded('IPv4-compatible', g[6], g[7]));
  }
  if (g[0] === 0x2002) return refusedForm(embedded('6to4', g[1], g[2]));
  if (g[0] === 0x2001 && g[1] === 0) {
    // Teredo: the server's address as is, the client's with every bit flipped.
    const server = embedded('Teredo', g[2], g[3]);
    const client = embedded('Teredo', g[6] ^ 0xffff, g[7] ^ 0xffff);
    return refusedForm(client.kind !== 'public' ? client : server);
  }
  const normalised = g.map((group) => group.toString(16)).join(':');
  if (GLOBAL_UNICAST[0]?.list.check(normalised, 'ipv6')) {
    return { kind: V6_GLOBAL.find((range) => range.list.check(normalised, 'ipv6'))?.kind ?? 'public' };
  }
  return { kind: V6_OTHER.find((range) => range.list.check(normalised, 'ipv6'))?.kind ?? 'reserved' };
}

/** Human wording: "a loopback address (IPv4-mapped 127.0.0.1)". */
export function describeAddress(found: AddressClass): string {
  const article = /^(?:[aeio]|un(?!i))/.test(found.kind) ? 'an' : 'a';
  const inside = found.via ? ` (${found.via} ${found.embedded})` : '';
  return `${article} ${found.kind} address${inside}`;
}
