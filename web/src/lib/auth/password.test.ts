import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password';
import { safeNext } from './redirect';

describe('the password policy, checked before sending', () => {
  it('names the first missing piece and accepts a policy-compliant password', () => {
    expect(passwordProblem('Short-1!')).toBe('Use at least 12 characters.');
    expect(passwordProblem('ALLUPPERCASE-1')).toBe('Add a lowercase letter.');
    expect(passwordProblem('alllowercase-1')).toBe('Add an uppercase letter.');
    expect(passwordProblem('No-digits-here!')).toBe('Add a digit.');
    expect(passwordProblem('NoSymbols1234')).toBe('Add a symbol, such as ! or #.');
    expect(passwordProblem('Halooid-demo-1')).toBeUndefined();
  });
});

describe('where to go after signing in', () => {
  it('follows only same-origin paths', () => {
    expect(safeNext('/t/acme/settings', '/home')).toBe('/t/acme/settings');
    expect(safeNext('//evil.example/x', '/home')).toBe('/home');
    expect(safeNext('/\\evil.example', '/home')).toBe('/home');
    expect(safeNext('https://evil.example', '/home')).toBe('/home');
    expect(safeNext(null, '/home')).toBe('/home');
  });
});
