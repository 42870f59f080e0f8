import { describe, expect, it } from 'vitest';
import { newChallengeToken } from './add-domain';
import { normalizeDomain } from './domain-name';
import { AddDomainBody } from './schemas';
import { hasChallenge } from './verify-domain';

describe('domain names', () => {
  it.each([
    ['Acme.Example', 'acme.example'],
    [' mail.acme.example. ', 'mail.acme.example'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['a-b.co', 'a-b.co'],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it.each([
    'localhost',
    '192.168.0.1',
    '-acme.example',
    'acme-.example',
    'acme..example',
    'acme.example/path',
    'https://acme.example',
    'acme example.com',
    `${'a'.repeat(64)}.example`,
    `${'abcdefghi.'.repeat(26)}example`,
    '',
  ])('refuses %j', (input) => {
    expect(normalizeDomain(input)).toBeUndefined();
    expect(AddDomainBody.safeParse({ domain: input }).success).toBe(false);
  });

  it('refuses fields it does not know', () => {
    expect(AddDomainBody.safeParse({ domain: 'acme.example', status: 'verified' }).success).toBe(false);
  });
});

describe('the TXT challenge', () => {
  it('is 256 random bits, different every time', () => {
    const [first, second] = [newChallengeToken(), newChallengeToken()];
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
  });

  it('matches a record split into strings, and nothing that only contains it', () => {
    const expected = 'halooid-verification=abc';
    expect(hasChallenge([['v=spf1 -all'], ['halooid-verification=', 'abc']], expected)).toBe(true);
    expect(hasChallenge([['xhalooid-verification=abc']], expected)).toBe(false);
    expect(hasChallenge([['halooid-verification=abcd']], expected)).toBe(false);
    expect(hasChallenge([], expected)).toBe(false);
  });
});
