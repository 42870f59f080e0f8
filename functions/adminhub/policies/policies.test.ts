import { SecurityPolicy } from '@halooid/shared/security-policy';
import { describe, expect, it } from 'vitest';
import { policyChanges } from './policy-diff';
import { checkPolicy } from './policy-rules';

const policy = (input: unknown) => SecurityPolicy.parse(input);
const context = {
  existingRoleKeys: new Set(['admin', 'owner']),
  callerIp: '203.0.113.9',
  callerIsApiKey: false,
};

describe('policyChanges', () => {
  it('lists each changed field with its value before and after, arrays whole', () => {
    const before = policy({});
    const after = policy({ password: { minLength: 14 }, ipAllowlist: { cidrs: ['10.0.0.0/8'] } });

    expect(policyChanges(before, after)).toEqual({
      'password.minLength': { before: 8, after: 14 },
      'ipAllowlist.cidrs': { before: [], after: ['10.0.0.0/8'] },
    });
    expect(policyChanges(after, after)).toEqual({});
  });
});

describe('checkPolicy', () => {
  it('accepts MFA by existing roles and an allowlist holding the caller', () => {
    expect(() =>
      checkPolicy(
        policy({
          mfa: { required: 'roles', roleKeys: ['admin'] },
          ipAllowlist: { cidrs: ['203.0.113.0/24'], applyToPeople: true },
        }),
        context,
      ),
    ).not.toThrow();
  });

  it('refuses MFA by role with no roles or an unknown one (422)', () => {
    const none = () => checkPolicy(policy({ mfa: { required: 'roles', roleKeys: [] } }), context);
    const unknown = () => checkPolicy(policy({ mfa: { required: 'roles', roleKeys: ['admni'] } }), context);
    expect(none).toThrow(expect.objectContaining({ status: 422, code: 'mfa_roles_required' }));
    expect(unknown).toThrow(expect.objectContaining({ status: 422, code: 'unknown_role' }));
  });

  it('refuses an allowlist that would shut out the caller: people when it applies to them, API keys always', () => {
    const outside = { cidrs: ['198.51.100.0/24'] };
    expect(() => checkPolicy(policy({ ipAllowlist: { ...outside, applyToPeople: true } }), context)).toThrow(
      expect.objectContaining({ status: 409, code: 'allowlist_excludes_caller' }),
    );
    expect(() => checkPolicy(policy({ ipAllowlist: outside }), context)).not.toThrow();
    expect(() => checkPolicy(policy({ ipAllowlist: outside }), { ...context, callerIsApiKey: true })).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });
});
