import type { SecurityPolicy } from './types';

/**
 * The policy as its form edits it: numbers as typed, lists as one entry a
 * line (CIDRs, domains), and back. Blank lines and surrounding spaces are
 * dropped; the server validates each entry and names the bad one.
 */
export interface PolicyForm {
  minLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireDigit: boolean;
  requireSymbol: boolean;
  reuseCount: number;
  maxAgeDays: number;
  mfaRequired: SecurityPolicy['mfa']['required'];
  mfaRoleKeys: string[];
  lifetimeHours: number;
  idleTimeoutMinutes: number;
  cidrs: string;
  applyToPeople: boolean;
  allowedDomains: string;
}

export function toForm(policy: SecurityPolicy): PolicyForm {
  return {
    ...policy.password,
    mfaRequired: policy.mfa.required,
    mfaRoleKeys: [...policy.mfa.roleKeys],
    ...policy.sessions,
    cidrs: policy.ipAllowlist.cidrs.join('\n'),
    applyToPeople: policy.ipAllowlist.applyToPeople,
    allowedDomains: policy.invitations.allowedDomains.join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);

export function fromForm(form: PolicyForm): SecurityPolicy {
  return {
    password: {
      minLength: Number(form.minLength),
      requireUppercase: form.requireUppercase,
      requireLowercase: form.requireLowercase,
      requireDigit: form.requireDigit,
      requireSymbol: form.requireSymbol,
      reuseCount: Number(form.reuseCount),
      maxAgeDays: Number(form.maxAgeDays),
    },
    mfa: {
      required: form.mfaRequired,
      roleKeys: form.mfaRequired === 'roles' ? form.mfaRoleKeys : [],
    },
    sessions: {
      lifetimeHours: Number(form.lifetimeHours),
      idleTimeoutMinutes: Number(form.idleTimeoutMinutes),
    },
    ipAllowlist: { cidrs: lines(form.cidrs), applyToPeople: form.applyToPeople },
    invitations: { allowedDomains: lines(form.allowedDomains) },
  };
}
