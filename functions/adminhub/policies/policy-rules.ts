import { BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import { ipAllowlist, type SecurityPolicy } from '@halooid/shared/security-policy';

/**
 * The rules a new policy must meet beyond its shape:
 * - MFA "by role" names at least one role, and only roles the tenant has
 *   (a typo would silently require MFA of nobody);
 * - an IP allowlist must not shut out the caller saving it: an API key is
 *   always subject to a non-empty allowlist, a person when it applies to
 *   people. Saving one that excludes your own address is a 409 naming it.
 */
export function checkPolicy(
  policy: SecurityPolicy,
  context: { existingRoleKeys: ReadonlySet<string>; callerIp: string; callerIsApiKey: boolean },
): void {
  if (policy.mfa.required === 'roles') {
    if (policy.mfa.roleKeys.length === 0) {
      throw new BusinessRuleError(
        'mfa_roles_required',
        'Name the roles that must use MFA, or require it of everyone.',
        [
          {
            field: 'body.policy.mfa.roleKeys',
            message: 'Give at least one role key.',
            code: 'mfa_roles_required',
          },
        ],
      );
    }
    const unknown = policy.mfa.roleKeys.filter((key) => !context.existingRoleKeys.has(key));
    if (unknown.length > 0) {
      throw new BusinessRuleError(
        'unknown_role',
        `No role has the key ${unknown.join(', ')} in this workspace.`,
        [
          {
            field: 'body.policy.mfa.roleKeys',
            message: `Unknown role keys: ${unknown.join(', ')}.`,
            code: 'unknown_role',
          },
        ],
      );
    }
  }
  const { cidrs, applyToPeople } = policy.ipAllowlist;
  const appliesToCaller = cidrs.length > 0 && (context.callerIsApiKey || applyToPeople);
  if (appliesToCaller && !ipAllowlist(cidrs)(context.callerIp)) {
    throw new ConflictError(
      `This allowlist would lock you out: your address ${context.callerIp} is outside every range. Add it (or a range holding it) first.`,
      'allowlist_excludes_caller',
      { callerIp: context.callerIp },
    );
  }
}
