import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SECURITY_POLICY,
  invitationDomainAllowed,
  ipAllowlist,
  mfaRequiredFor,
  parseCidr,
  readStoredPolicy,
  SecurityPolicy,
  strictestPasswordPolicy,
  strictestSessionPolicy,
} from './security-policy';

const policy = (input: unknown) => SecurityPolicy.parse(input);

describe('SecurityPolicy', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SECURITY_POLICY).toEqual({
      password: {
        minLength: 8,
        requireUppercase: false,
        requireLowercase: false,
        requireDigit: false,
        requireSymbol: false,
        reuseCount: 0,
        maxAgeDays: 0,
      },
      mfa: { required: 'off', roleKeys: [] },
      sessions: { lifetimeHours: 720, idleTimeoutMinutes: 10080 },
      ipAllowlist: { cidrs: [], applyToPeople: false },
      invitations: { allowedDomains: [] },
    });
  });

  it('fills what a stored version lacks with defaults, and reads an unreadable one as the defaults', () => {
    expect(readStoredPolicy({ password: { minLength: 14 } }).password).toEqual({
      ...DEFAULT_SECURITY_POLICY.password,
      minLength: 14,
    });
    expect(readStoredPolicy({ password: { minLength: 'x' } })).toEqual(DEFAULT_SECURITY_POLICY);
    expect(readStoredPolicy(null)).toEqual(DEFAULT_SECURITY_POLICY);
  });

  it('refuses values out of range and malformed CIDRs and domains', () => {
    for (const bad of [
      { password: { minLength: 7 } },
      { password: { minLength: 129 } },
      { password: { reuseCount: 25 } },
      { password: { maxAgeDays: 731 } },
      { sessions: { lifetimeHours: 0 } },
      { sessions: { idleTimeoutMinutes: 4 } },
      { ipAllowlist: { cidrs: ['10.0.0.0/33'] } },
      { ipAllowlist: { cidrs: ['not an address'] } },
      { ipAllowlist: { cidrs: Array.from({ length: 101 }, () => '10.0.0.0/8') } },
      { invitations: { allowedDomains: ['not a domain'] } },
      { mfa: { required: 'sometimes' } },
      { mfa: { required: 'roles', roleKeys: ['Not A Key'] } },
    ]) {
      expect(SecurityPolicy.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('normalises domains and accepts IPv4, IPv6 and bare-address CIDRs', () => {
    const parsed = policy({
      ipAllowlist: { cidrs: ['203.0.113.0/24', '2001:db8::/32', '198.51.100.7'] },
      invitations: { allowedDomains: [' Acme.Example '] },
    });
    expect(parsed.invitations.allowedDomains).toEqual(['acme.example']);
    // A domain, not an address: '@acme.example' is refused with the rule, not silently rewritten.
    expect(SecurityPolicy.safeParse({ invitations: { allowedDomains: ['@acme.example'] } }).success).toBe(
      false,
    );
    expect(parseCidr('198.51.100.7')).toEqual({ address: '198.51.100.7', prefix: 32, family: 'ipv4' });
    expect(parseCidr('2001:db8::/129')).toBeUndefined();
  });
});

describe('helpers', () => {
  it('takes the strictest password rules across workspaces', () => {
    const rules = strictestPasswordPolicy([
      policy({ password: { minLength: 14, maxAgeDays: 90 } }),
      policy({ password: { requireSymbol: true, reuseCount: 5, maxAgeDays: 30 } }),
      policy({}),
    ]);
    expect(rules).toMatchObject({ minLength: 14, requireSymbol: true, reuseCount: 5, maxAgeDays: 30 });
    expect(strictestPasswordPolicy([])).toEqual(DEFAULT_SECURITY_POLICY.password);
  });

  it('takes the shortest session limits', () => {
    expect(
      strictestSessionPolicy([
        policy({ sessions: { lifetimeHours: 8 } }),
        policy({ sessions: { idleTimeoutMinutes: 30 } }),
      ]),
    ).toEqual({ lifetimeHours: 8, idleTimeoutMinutes: 30 });
  });

  it('requires MFA for all, or for members holding a listed role', () => {
    expect(mfaRequiredFor(policy({ mfa: { required: 'all' } }), [])).toBe(true);
    const admins = policy({ mfa: { required: 'roles', roleKeys: ['admin'] } });
    expect(mfaRequiredFor(admins, ['member', 'admin'])).toBe(true);
    expect(mfaRequiredFor(admins, ['member'])).toBe(false);
    expect(mfaRequiredFor(policy({}), ['admin'])).toBe(false);
  });

  it('matches addresses against an allowlist; an empty one allows all', () => {
    const allowed = ipAllowlist(['203.0.113.0/24', '2001:db8::/32']);
    expect(allowed('203.0.113.99')).toBe(true);
    expect(allowed('::ffff:203.0.113.5')).toBe(true);
    expect(allowed('2001:db8:1::1')).toBe(true);
    expect(allowed('198.51.100.1')).toBe(false);
    expect(allowed('garbage')).toBe(false);
    expect(ipAllowlist([])('198.51.100.1')).toBe(true);
  });

  it('allows invitations to listed domains only, when there is a list', () => {
    const listed = policy({ invitations: { allowedDomains: ['acme.example'] } });
    expect(invitationDomainAllowed(listed, 'Ada@ACME.example')).toBe(true);
    expect(invitationDomainAllowed(listed, 'ada@sub.acme.example')).toBe(false);
    expect(invitationDomainAllowed(policy({}), 'ada@anywhere.example')).toBe(true);
  });
});
