/**
 * The user pool's password policy, checked before a request so the user
 * hears at once what is missing. The server checks it again
 * (functions/platform/auth/schemas.ts PASSWORD_RULES) and stays the authority.
 */
const RULES: readonly { test: (password: string) => boolean; message: string }[] = [
  { test: (p) => p.length >= 12, message: 'Use at least 12 characters.' },
  { test: (p) => /[a-z]/.test(p), message: 'Add a lowercase letter.' },
  { test: (p) => /[A-Z]/.test(p), message: 'Add an uppercase letter.' },
  { test: (p) => /[0-9]/.test(p), message: 'Add a digit.' },
  { test: (p) => /[^A-Za-z0-9\s]/.test(p), message: 'Add a symbol, such as ! or #.' },
];

/** The policy in words, shown under every field where a password is chosen. */
export const PASSWORD_HINT = 'At least 12 characters with upper and lower case, a digit and a symbol.';

/** The first rule the password breaks, or undefined when it meets the policy. */
export function passwordProblem(password: string): string | undefined {
  return RULES.find((rule) => !rule.test(password))?.message;
}
