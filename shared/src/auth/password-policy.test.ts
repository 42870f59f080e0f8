import { describe, expect, it } from 'vitest';
import { SecurityPolicy } from '../security-policy';
import { hashPassword, matchesAny, passwordMatches } from './password-hash';
import { passwordExpired, passwordPolicyError, passwordRuleFailures } from './password-policy';

const rules = (password: unknown) => SecurityPolicy.parse({ password }).password;

describe('password rules', () => {
  it('refuses a 12-character password under a 14-character policy, naming the rule', () => {
    const failures = passwordRuleFailures('Abcdefghij1!', rules({ minLength: 14 }));
    expect(failures).toEqual([{ rule: 'min_length', message: 'Use at least 14 characters (this has 12).' }]);
    expect(passwordRuleFailures('Abcdefghijk12!', rules({ minLength: 14 }))).toEqual([]);
  });

  it('lists every class the password lacks', () => {
    const all = rules({
      requireUppercase: true,
      requireLowercase: true,
      requireDigit: true,
      requireSymbol: true,
    });
    expect(passwordRuleFailures('lowercase only here', all).map((f) => f.rule)).toEqual([
      'require_uppercase',
      'require_digit',
      'require_symbol',
    ]);
    expect(passwordRuleFailures('Ünïcödé-Pässwort-9', all)).toEqual([]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordRuleFailures('😀😀😀😀😀😀😀', rules({ minLength: 8 })).map((f) => f.rule)).toEqual([
      'min_length',
    ]);
  });

  it('is a 422 password_policy problem with one error per rule', () => {
    const error = passwordPolicyError(
      'body.password',
      passwordRuleFailures('short', rules({ requireDigit: true })),
    );
    expect(error.status).toBe(422);
    expect(error.code).toBe('password_policy');
    expect(error.errors.map((e) => [e.field, e.code])).toEqual([
      ['body.password', 'min_length'],
      ['body.password', 'require_digit'],
    ]);
  });

  it('expires passwords older than maxAgeDays, never at 0', () => {
    const now = new Date('2026-12-06T00:00:00Z');
    expect(passwordExpired(rules({ maxAgeDays: 90 }), new Date('2026-09-01T00:00:00Z'), now)).toBe(true);
    expect(passwordExpired(rules({ maxAgeDays: 90 }), new Date('2026-10-01T00:00:00Z'), now)).toBe(false);
    expect(passwordExpired(rules({ maxAgeDays: 0 }), new Date('2000-01-01T00:00:00Z'), now)).toBe(false);
  });
});

describe('password history hashes', () => {
  it('matches the same password only, with a fresh salt each time', async () => {
    const first = await hashPassword('Correct-Horse-9');
    const second = await hashPassword('Correct-Horse-9');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await passwordMatches('Correct-Horse-9', first)).toBe(true);
    expect(await passwordMatches('Correct-Horse-8', first)).toBe(false);
    expect(await passwordMatches('Correct-Horse-9', 'scrypt$x$y$z$bad$bad')).toBe(false);
    expect(await matchesAny('Correct-Horse-9', ['garbage', second])).toBe(true);
  });
});
