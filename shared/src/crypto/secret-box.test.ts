import { describe, expect, it } from 'vitest';
import { keyringOf, randomDataKey } from './keyring';
import { isSealed, needsReseal, open, SecretBoxError, seal } from './secret-box';

const context = ['platform.webhooks.secret', 'tenant-a', 'webhook-1'];

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof SecretBoxError) return error.code;
    throw error;
  }
  throw new Error('Expected a SecretBoxError');
}

describe('secret box', () => {
  const k1 = randomDataKey('k1');
  const keyring = keyringOf([k1]);

  it('seals to v1:<keyId>:<iv>:<ciphertext+tag> and opens to the same text', () => {
    const sealed = seal(keyring, 'whsec_abc', context);

    expect(sealed).toMatch(/^v1:k1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain('whsec_abc');
    expect(isSealed(sealed)).toBe(true);
    expect(open(keyring, sealed, context)).toBe('whsec_abc');
  });

  it('uses a fresh IV each time', () => {
    expect(seal(keyring, 'same', context)).not.toBe(seal(keyring, 'same', context));
  });

  it('refuses to open in another row or tenant (the context is authenticated)', () => {
    const sealed = seal(keyring, 'whsec_abc', context);

    expect(codeOf(() => open(keyring, sealed, ['platform.webhooks.secret', 'tenant-b', 'webhook-1']))).toBe(
      'not_authentic',
    );
    expect(codeOf(() => open(keyring, sealed, ['platform.webhooks.secret', 'tenant-a', 'webhook-2']))).toBe(
      'not_authentic',
    );
    // Parts are not simply concatenated: moving a character between them changes the context.
    expect(codeOf(() => open(keyring, sealed, ['platform.webhooks.secret', 'tenant-aw', 'ebhook-1']))).toBe(
      'not_authentic',
    );
  });

  it('detects a tampered ciphertext, tag or IV', () => {
    const sealed = seal(keyring, 'whsec_abc', context);
    const [version, keyId, iv = '', body = ''] = sealed.split(':');
    const flip = (text: string) => {
      const bytes = Buffer.from(text, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    const tag = Buffer.from(body, 'base64');
    tag[tag.length - 1] = (tag[tag.length - 1] ?? 0) ^ 1;

    expect(codeOf(() => open(keyring, [version, keyId, iv, flip(body)].join(':'), context))).toBe(
      'not_authentic',
    );
    expect(codeOf(() => open(keyring, [version, keyId, iv, tag.toString('base64')].join(':'), context))).toBe(
      'not_authentic',
    );
    expect(codeOf(() => open(keyring, [version, keyId, flip(iv), body].join(':'), context))).toBe(
      'not_authentic',
    );
    expect(codeOf(() => open(keyring, `v1:k1:${iv}`, context))).toBe('malformed');
  });

  it('opens values sealed with a retired key, seals with the current one', () => {
    const old = seal(keyring, 'whsec_old', context);
    const rotated = keyringOf([randomDataKey('k2'), k1]);

    expect(open(rotated, old, context)).toBe('whsec_old');
    expect(needsReseal(rotated, old)).toBe(true);
    const resealed = seal(rotated, 'whsec_old', context);
    expect(resealed.startsWith('v1:k2:')).toBe(true);
    expect(needsReseal(rotated, resealed)).toBe(false);
    // The old keyring cannot read what the new key sealed.
    expect(codeOf(() => open(keyring, resealed, context))).toBe('unknown_key');
  });

  it('a key with the right id but the wrong bytes does not open', () => {
    const sealed = seal(keyring, 'whsec_abc', context);

    expect(codeOf(() => open(keyringOf([randomDataKey('k1')]), sealed, context))).toBe('not_authentic');
  });

  it('passes legacy plain text through and marks it for re-encryption', () => {
    expect(isSealed('whsec_legacy')).toBe(false);
    expect(open(keyring, 'whsec_legacy', context)).toBe('whsec_legacy');
    expect(needsReseal(keyring, 'whsec_legacy')).toBe(true);
  });
});
