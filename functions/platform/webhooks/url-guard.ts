import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { classifyAddress, describeAddress } from './address-kind';

export interface UrlPolicy {
  /**
   * A literal loopback address (`127.0.0.1`, `[::1]`) is allowed: the local
   * runtime and its tests. Never a name resolving to loopback, never loopback
   * wrapped in an IPv6 form, never anything else that is not global.
   */
  allowLoopback: boolean;
  /** Only https (AWS stages). */
  requireHttps: boolean;
}

/** The policy for a stage: AWS (dev, prod) refuses loopback and plain http; local and test allow both. */
export function urlPolicyFor(stage: string): UrlPolicy {
  const aws = stage === 'dev' || stage === 'prod';
  return { allowLoopback: !aws, requireHttps: aws };
}

/** Every address a host name resolves to. Injectable so tests can play a rebinding DNS server. */
export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** A URL that passed the checks that need no DNS. */
export interface WebhookTarget {
  url: URL;
  /** The host without IPv6 brackets. */
  host: string;
  /** The host is an IP address written in the URL (no DNS involved). */
  literal: boolean;
}

/**
 * The authority as written, up to the host (without userinfo and port). Only
 * read after backslashes and whitespace were refused, so it splits where the
 * WHATWG parser does.
 */
function writtenHost(raw: string): string {
  const rest = raw.replace(/^[a-z][a-z0-9+.-]*:\/*/i, '');
  const authority = rest.split(/[/?#]/)[0] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  return hostPort.startsWith('[')
    ? hostPort.slice(0, hostPort.indexOf(']') + 1)
    : hostPort.replace(/:\d*$/, '');
}

/** Checks everything about a URL that needs no DNS: scheme, spelling, credentials, a literal address. */
export function parseTarget(raw: string, policy: UrlPolicy): WebhookTarget | { refused: string } {
  // Parsers disagree on these (WHATWG reads `\` as `/`, drops tabs and newlines); no real URL needs them.
  if (/[\s\\\p{Cc}]/u.test(raw))
    return { refused: 'Backslashes, spaces and control characters are not allowed in a webhook URL.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { refused: 'Not a valid URL.' };
  }
  // `@` anywhere in the authority, even with an empty user name (`http://@host`), is refused.
  if (
    url.username ||
    url.password ||
    raw
      .replace(/^[a-z][a-z0-9+.-]*:\/*/i, '')
      .split(/[/?#]/)[0]
      ?.includes('@')
  )
    return { refused: 'Credentials in the URL are not allowed.' };
  // A fragment is never sent, and `http://127.0.0.1#@evil.com` reads as evil.com to a careless eye.
  if (raw.includes('#')) return { refused: 'A webhook URL has no fragment (#...).' };
  if (url.protocol !== 'https:' && (policy.requireHttps || url.protocol !== 'http:'))
    return { refused: policy.requireHttps ? 'Use an https URL.' : 'Use an http or https URL.' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host) !== 0;
  // 2852039166, 0xa9fea9fe, 0251.0376.0251.0376 and 127.1 all parse to an IPv4 address: only the plain spelling is taken.
  if (isIP(host) === 4 && writtenHost(raw).toLowerCase() !== host)
    return { refused: `Write the IP address as ${host}.` };
  if (literal) {
    const refused = refuseAddress(host, host, policy, true);
    if (refused) return { refused };
  }
  return { url, host, literal };
}

/** Why a webhook may not connect to `address` (of `host`), or undefined when it may. */
export function refuseAddress(
  host: string,
  address: string,
  policy: UrlPolicy,
  literal: boolean,
): string | undefined {
  const found = classifyAddress(address);
  if (found.kind === 'public') return undefined;
  if (found.kind === 'loopback' && !found.via && literal && policy.allowLoopback) return undefined;
  const hint =
    found.kind === 'loopback' && policy.allowLoopback
      ? ' Locally, write the loopback address itself (127.0.0.1 or [::1]).'
      : '';
  const what = describeAddress(found);
  return literal
    ? `${host} is ${what}, which webhooks may not target.${hint}`
    : `The host ${host} resolves to ${address}, ${what}, which webhooks may not target.${hint}`;
}

/** Why a URL may not receive webhooks, or undefined when it may. Resolves the host: every address must be allowed. */
export async function refuseUrl(
  raw: string,
  policy: UrlPolicy,
  resolve: Resolver = systemResolver,
): Promise<string | undefined> {
  const target = parseTarget(raw, policy);
  if ('refused' in target) return target.refused;
  if (target.literal) return undefined;
  let addresses: string[];
  try {
    addresses = await resolve(target.host);
  } catch {
    return `The host ${target.host} does not resolve.`;
  }
  if (addresses.length === 0) return `The host ${target.host} does not resolve.`;
  for (const address of addresses) {
    const refused = refuseAddress(target.host, address, policy, false);
    if (refused) return refused;
  }
  return undefined;
}

/** What the connect-time lookup fails with: the delivery log shows its message. */
export class RefusedTargetError extends Error {
  readonly code = 'EWEBHOOKREFUSED';
}

/**
 * A `lookup` for net/tls sockets: resolves with `resolve` and fails unless
 * every address is allowed, so the address checked is the address connected
 * to (no second resolution a rebinding DNS server could answer differently).
 */
export function guardedLookup(policy: UrlPolicy, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    const done = callback as (error: Error | null, address: unknown, family?: number) => void;
    resolve(hostname).then(
      (resolved) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const addresses = resolved
          .map((address) => ({ address, family: isIP(address) }))
          .filter((entry) => entry.family !== 0 && (wanted === 0 || entry.family === wanted));
        if (addresses.length === 0) {
          done(Object.assign(new Error(`The host ${hostname} does not resolve.`), { code: 'ENOTFOUND' }), '');
          return;
        }
        for (const { address } of addresses) {
          const refused = refuseAddress(hostname, address, policy, false);
          if (refused) {
            done(new RefusedTargetError(refused), '');
            return;
          }
        }
        if (options.all) done(null, addresses);
        else done(null, addresses[0]?.address, addresses[0]?.family);
      },
      (error: Error) => done(error, ''),
    );
  };
}
