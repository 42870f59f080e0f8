import { BlockList, isIP } from 'node:net';
import * as z from 'zod';
import type { Tx } from './db/transaction';

/**
 * A tenant's security policy: password rules, MFA requirement, session
 * limits, IP allowlist and invitation domains. Stored versioned and
 * append-only in platform.security_policies (the highest version counts; a
 * tenant without one has the defaults). Every field has a default, so a
 * version stored before a field existed still parses.
 */

/** An IPv4 or IPv6 CIDR (`10.0.0.0/8`, `2001:db8::/32`); a bare address means one host. */
export function parseCidr(
  text: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return undefined;
  const version = isIP(address);
  if (version === 0) return undefined;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

// trim() and toLowerCase() rewrite the value in place, which OpenAPI can still describe (a transform it cannot).
const Cidr = z
  .string()
  .trim()
  .max(64)
  .refine((text) => parseCidr(text) !== undefined, {
    message: 'Not an IPv4 or IPv6 CIDR (such as 203.0.113.0/24).',
  });

const RoleKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,62}$/, 'A role key (lower case).')
  .max(63);

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'Not a domain name (such as example.com).',
  );

export const PasswordPolicy = z.object({
  minLength: z.number().int().min(8).max(128).default(8),
  requireUppercase: z.boolean().default(false),
  requireLowercase: z.boolean().default(false),
  requireDigit: z.boolean().default(false),
  requireSymbol: z.boolean().default(false),
  /** The last N passwords may not be used again (0: no rule). */
  reuseCount: z.number().int().min(0).max(24).default(0),
  /** Days a password lasts before it must be changed (0: never). */
  maxAgeDays: z.number().int().min(0).max(730).default(0),
});

export const MfaPolicy = z.object({
  required: z.enum(['off', 'all', 'roles']).default('off'),
  /** With `roles`: members holding any of these roles must enrol. */
  roleKeys: z.array(RoleKey).max(50).default([]),
});

export const SessionPolicy = z.object({
  /** A sign-in (its refresh token) lasts at most this long. */
  lifetimeHours: z.number().int().min(1).max(2160).default(720),
  /** A session not refreshed for this long ends. */
  idleTimeoutMinutes: z.number().int().min(5).max(43200).default(10080),
});

export const IpAllowlistPolicy = z.object({
  /** Empty: no allowlist. Otherwise API keys always, and people when applyToPeople, must call from inside. */
  cidrs: z.array(Cidr).max(100).default([]),
  applyToPeople: z.boolean().default(false),
});

export const InvitationPolicy = z.object({
  /** Empty: any domain. Otherwise invitations go only to emails at these domains (exact match). */
  allowedDomains: z.array(Domain).max(100).default([]),
});

export const SecurityPolicy = z.object({
  password: PasswordPolicy.default(() => PasswordPolicy.parse({})),
  mfa: MfaPolicy.default(() => MfaPolicy.parse({})),
  sessions: SessionPolicy.default(() => SessionPolicy.parse({})),
  ipAllowlist: IpAllowlistPolicy.default(() => IpAllowlistPolicy.parse({})),
  invitations: InvitationPolicy.default(() => InvitationPolicy.parse({})),
});
export type SecurityPolicy = z.output<typeof SecurityPolicy>;
export type PasswordPolicy = z.output<typeof PasswordPolicy>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = SecurityPolicy.parse({});

/** A stored policy as it is today: missing fields take their defaults; an unreadable row counts as the defaults. */
export function readStoredPolicy(stored: unknown): SecurityPolicy {
  const parsed = SecurityPolicy.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_SECURITY_POLICY;
}

export interface VersionedSecurityPolicy {
  /** 0 when the tenant never saved one (the defaults apply). */
  version: number;
  policy: SecurityPolicy;
  createdBy?: string;
  createdAt?: string;
}

/** The current tenant's policy (highest version), or the defaults at version 0. */
export async function currentSecurityPolicy(tx: Tx): Promise<VersionedSecurityPolicy> {
  const { rows } = await tx.query<{ version: number; policy: unknown; created_by: string; created_at: Date }>(
    `select version, policy, created_by, created_at from platform.security_policies
      where tenant_id = platform.current_tenant_id()
      order by version desc limit 1`,
  );
  const row = rows[0];
  if (!row) return { version: 0, policy: DEFAULT_SECURITY_POLICY };
  return {
    version: row.version,
    policy: readStoredPolicy(row.policy),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** Whether the policy makes a member with these role keys enrol in MFA. */
export function mfaRequiredFor(policy: SecurityPolicy, roleKeys: readonly string[]): boolean {
  if (policy.mfa.required === 'all') return true;
  if (policy.mfa.required === 'roles') return roleKeys.some((key) => policy.mfa.roleKeys.includes(key));
  return false;
}

/**
 * The strictest password rules of several tenants' policies (a person in
 * several tenants satisfies all of them): the longest length, every class any
 * requires, the largest reuse count, the shortest non-zero expiry.
 */
export function strictestPasswordPolicy(policies: readonly SecurityPolicy[]): PasswordPolicy {
  const base = DEFAULT_SECURITY_POLICY.password;
  return policies.reduce<PasswordPolicy>((acc, { password: p }) => {
    const ages = [acc.maxAgeDays, p.maxAgeDays].filter((days) => days > 0);
    return {
      minLength: Math.max(acc.minLength, p.minLength),
      requireUppercase: acc.requireUppercase || p.requireUppercase,
      requireLowercase: acc.requireLowercase || p.requireLowercase,
      requireDigit: acc.requireDigit || p.requireDigit,
      requireSymbol: acc.requireSymbol || p.requireSymbol,
      reuseCount: Math.max(acc.reuseCount, p.reuseCount),
      maxAgeDays: ages.length > 0 ? Math.min(...ages) : 0,
    };
  }, base);
}

/** The shortest session lifetime and idle timeout of several tenants' policies. */
export function strictestSessionPolicy(policies: readonly SecurityPolicy[]): SecurityPolicy['sessions'] {
  return policies.reduce(
    (acc, { sessions }) => ({
      lifetimeHours: Math.min(acc.lifetimeHours, sessions.lifetimeHours),
      idleTimeoutMinutes: Math.min(acc.idleTimeoutMinutes, sessions.idleTimeoutMinutes),
    }),
    DEFAULT_SECURITY_POLICY.sessions,
  );
}

/** A matcher for an allowlist; an empty list allows every address. */
export function ipAllowlist(cidrs: readonly string[]): (ip: string) => boolean {
  if (cidrs.length === 0) return () => true;
  const list = new BlockList();
  for (const text of cidrs) {
    const cidr = parseCidr(text);
    if (cidr) list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return (ip) => {
    const address = ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
    const version = isIP(address);
    if (version === 0) return false;
    return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
}

/** Whether an email's domain is allowed for invitations by the policy. */
export function invitationDomainAllowed(policy: SecurityPolicy, email: string): boolean {
  const allowed = policy.invitations.allowedDomains;
  if (allowed.length === 0) return true;
  const domain = email.trim().toLowerCase().split('@').pop() ?? '';
  return allowed.includes(domain);
}
