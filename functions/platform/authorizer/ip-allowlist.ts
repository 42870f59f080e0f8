import { ipAllowlist } from '@halooid/shared/security-policy';

/**
 * The kernel's allowlist matcher (shared/src/security-policy.ts: a node:net
 * BlockList, IPv4-mapped IPv6 read as IPv4), compiled once per distinct list
 * and reused while the same list comes back from the tenant cache: compiling
 * on every request would cost more than the rest of the decision.
 */
const compiled = new Map<string, (ip: string) => boolean>();
const MAX_COMPILED = 1_000;

/**
 * Whether `ip` falls inside one of `cidrs` (callers pass a non-empty list).
 * Fails closed: an address that does not parse is outside, and a list whose
 * entries all fail to parse (the policy API validates them, so only by a
 * bug) allows nobody.
 */
export function ipAllowed(cidrs: readonly string[], ip: string): boolean {
  const key = cidrs.join(',');
  let matches = compiled.get(key);
  if (!matches) {
    matches = ipAllowlist(cidrs);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, matches);
  }
  return matches(ip);
}
