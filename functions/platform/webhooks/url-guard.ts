import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface UrlPolicy {
  /** Loopback targets are allowed (the local runtime and its tests); private and link-local never. */
  allowLoopback: boolean;
  /** Only https (AWS stages). */
  requireHttps: boolean;
}

/** The policy for a stage: AWS (dev, prod) refuses loopback and plain http; local and test allow both. */
export function urlPolicyFor(stage: string): UrlPolicy {
  const aws = stage === 'dev' || stage === 'prod';
  return { allowLoopback: !aws, requireHttps: aws };
}

type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'reserved';

function ipv4Kind(address: string): AddressKind {
  const [a = 0, b = 0] = address.split('.').map(Number);
  if (a === 127) return 'loopback';
  if (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  )
    return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 0 || a >= 224 || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19)))
    return 'reserved';
  return 'public';
}

/** Classifies an IP address: what a webhook may not target. */
export function addressKind(address: string): AddressKind {
  const version = isIP(address);
  if (version === 4) return ipv4Kind(address);
  if (version !== 6) return 'reserved';
  const lower = address.toLowerCase();
  const mapped = lower.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped?.[1]) return ipv4Kind(mapped[1]);
  if (lower === '::1') return 'loopback';
  if (lower === '::') return 'reserved';
  if (/^fe[89ab]/.test(lower)) return 'link-local';
  if (/^f[cd]/.test(lower)) return 'private';
  if (/^ff/.test(lower)) return 'reserved';
  return 'public';
}

/** Why a URL may not receive webhooks, or undefined when it may. Resolves the host: every address must be allowed. */
export async function refuseUrl(
  raw: string,
  policy: UrlPolicy,
  resolve: (host: string) => Promise<string[]> = async (host) =>
    (await lookup(host, { all: true })).map((entry) => entry.address),
): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Not a valid URL.';
  }
  if (url.protocol !== 'https:' && (policy.requireHttps || url.protocol !== 'http:'))
    return policy.requireHttps ? 'Use an https URL.' : 'Use an http or https URL.';
  if (url.username || url.password) return 'Credentials in the URL are not allowed.';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return `The host ${host} does not resolve.`;
  }
  if (addresses.length === 0) return `The host ${host} does not resolve.`;
  for (const address of addresses) {
    const kind = addressKind(address);
    if (kind === 'public' || (kind === 'loopback' && policy.allowLoopback)) continue;
    return `The host ${host} resolves to a ${kind} address, which webhooks may not target.`;
  }
  return undefined;
}
