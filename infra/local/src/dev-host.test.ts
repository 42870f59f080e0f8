import { describe, expect, it } from 'vitest';
import { isDevPath, isLoopbackHost } from './dev-host';

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'localhost:3000',
    'LOCALHOST:3000',
    '127.0.0.1',
    '127.0.0.1:52123',
    '[::1]',
    '[::1]:8080',
  ])('accepts %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    undefined,
    '',
    'evil.example',
    'evil.example:3000',
    'localhost.',
    'localhost.evil.example',
    'app.localhost',
    '127.0.0.1.nip.io',
    '127.0.0.2',
    '0.0.0.0:3000',
    '[::ffff:127.0.0.1]',
    'localhost:3000@evil.example',
    'localhost:abc',
    '192.168.1.10:3000',
  ])('refuses %s', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('isDevPath', () => {
  it('covers /dev and everything under it, nothing else', () => {
    expect(['/dev', '/dev/', '/dev/mailbox', '/dev/dlq/x/redrive'].every(isDevPath)).toBe(true);
    expect(['/devices', '/', '/v1/dev/x', '/docs'].some(isDevPath)).toBe(false);
  });
});
