import { BusinessRuleError, type FieldError } from '../errors';
import type { PasswordPolicy } from '../security-policy';

/**
 * A tenant's password rules (shared/src/security-policy.ts) applied to a
 * password being set. The user pool's own policy still applies on top (12+
 * characters, every class, checked by the auth schemas and Cognito); a
 * tenant can only make it stricter.
 */
export type PasswordRule =
  | 'min_length'
  | 'require_uppercase'
  | 'require_lowercase'
  | 'require_digit'
  | 'require_symbol'
  | 'reused';

export interface PasswordRuleFailure {
  rule: PasswordRule;
  message: string;
}

/** Every rule of the policy the password breaks (reuse is checked apart, it needs the history). */
export function passwordRuleFailures(password: string, policy: PasswordPolicy): PasswordRuleFailure[] {
  const failures: PasswordRuleFailure[] = [];
  // Code points, not UTF-16 units: an emoji is one character to the person typing it.
  const length = [...password].length;
  if (length < policy.minLength) {
    failures.push({
      rule: 'min_length',
      message: `Use at least ${policy.minLength} characters (this has ${length}).`,
    });
  }
  if (policy.requireUppercase && !/\p{Lu}/u.test(password)) {
    failures.push({ rule: 'require_uppercase', message: 'Include an uppercase letter.' });
  }
  if (policy.requireLowercase && !/\p{Ll}/u.test(password)) {
    failures.push({ rule: 'require_lowercase', message: 'Include a lowercase letter.' });
  }
  if (policy.requireDigit && !/\p{Nd}/u.test(password)) {
    failures.push({ rule: 'require_digit', message: 'Include a digit.' });
  }
  if (policy.requireSymbol && !/[^\p{L}\p{N}\s]/u.test(password)) {
    failures.push({ rule: 'require_symbol', message: 'Include a symbol.' });
  }
  return failures;
}

export function reusedPasswordFailure(reuseCount: number): PasswordRuleFailure {
  return { rule: 'reused', message: `Choose a password other than your last ${reuseCount}.` };
}

/** 422 `password_policy`, one error per broken rule, all on the password field. */
export function passwordPolicyError(
  field: string,
  failures: readonly PasswordRuleFailure[],
): BusinessRuleError {
  const errors: FieldError[] = failures.map((failure) => ({
    field,
    message: failure.message,
    code: failure.rule,
  }));
  return new BusinessRuleError(
    'password_policy',
    `The password does not meet your workspace's password policy: ${failures.map((f) => f.message).join(' ')}`,
    errors,
  );
}

/** Whether a password set at `changedAt` has outlived the policy's maximum age at `now`. */
export function passwordExpired(policy: PasswordPolicy, changedAt: Date, now: Date = new Date()): boolean {
  if (policy.maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() > policy.maxAgeDays * 86_400_000;
}
