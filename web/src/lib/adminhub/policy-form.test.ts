import { describe, expect, it } from 'vitest';
import { fromForm, toForm } from './policy-form';
import type { SecurityPolicy } from './types';

const POLICY: SecurityPolicy = {
  password: {
    minLength: 14,
    requireUppercase: true,
    requireLowercase: false,
    requireDigit: true,
    requireSymbol: false,
    reuseCount: 5,
    maxAgeDays: 90,
  },
  mfa: { required: 'roles', roleKeys: ['admin', 'owner'] },
  sessions: { lifetimeHours: 24, idleTimeoutMinutes: 60 },
  ipAllowlist: { cidrs: ['10.0.0.0/8', '2001:db8::/32'], applyToPeople: true },
  invitations: { allowedDomains: ['acme.example'] },
};

describe('policy form', () => {
  it('round-trips a policy through the form unchanged', () => {
    expect(fromForm(toForm(POLICY))).toEqual(POLICY);
  });

  it('reads lists one entry a line (or comma-separated), dropping blanks and spaces', () => {
    const form = { ...toForm(POLICY), cidrs: ' 10.0.0.0/8 \n\n192.168.1.0/24, 172.16.0.0/12\n' };
    expect(fromForm(form).ipAllowlist.cidrs).toEqual(['10.0.0.0/8', '192.168.1.0/24', '172.16.0.0/12']);
  });

  it('sends no role keys unless MFA is required by role, and numbers as numbers', () => {
    const form = { ...toForm(POLICY), mfaRequired: 'all' as const, minLength: '16' as unknown as number };
    const policy = fromForm(form);
    expect(policy.mfa).toEqual({ required: 'all', roleKeys: [] });
    expect(policy.password.minLength).toBe(16);
  });
});
