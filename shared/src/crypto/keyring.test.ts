import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config';
import {
  deriveDataKey,
  formatKeyring,
  KeyringError,
  parseKeyring,
  parseKeyringSecret,
  randomDataKey,
} from './keyring';

const b64 = (bytes: number, fill = 7) => Buffer.alloc(bytes, fill).toString('base64');

describe('parseKeyring (DATA_ENCRYPTION_KEYS)', () => {
  it('reads id:base64key pairs; the first is current, all open', () => {
    const keyring = parseKeyring(`k2:${b64(32, 2)}, k1:${b64(32, 1)}`);

    expect(keyring.current.id).toBe('k2');
    expect(keyring.current.key).toEqual(Buffer.alloc(32, 2));
    expect([...keyring.byId.keys()]).toEqual(['k2', 'k1']);
  });

  it('round-trips through formatKeyring', () => {
    const keys = [randomDataKey('a'), randomDataKey('b')];

    expect(parseKeyring(formatKeyring(keys)).byId.get('b')).toEqual(keys[1]?.key);
  });

  it.each([
    ['empty', ''],
    ['no id', b64(32)],
    ['short key', `k1:${b64(16)}`],
    ['long key', `k1:${b64(33)}`],
    ['not base64', `k1:${'!'.repeat(44)}`],
    ['base64url', `k1:${Buffer.alloc(32, 0xfb).toString('base64url')}`],
    ['bad id', `k 1:${b64(32)}`],
    ['duplicate id', `k1:${b64(32)},k1:${b64(32, 1)}`],
  ])('refuses %s', (_, value) => {
    expect(() => parseKeyring(value)).toThrow(KeyringError);
  });
});

describe('DATA_ENCRYPTION_KEYS in the config', () => {
  it('accepts a valid key list', () => {
    const value = `k1:${b64(32)}`;

    expect(parseConfig({ DATA_ENCRYPTION_KEYS: value }).DATA_ENCRYPTION_KEYS).toBe(value);
  });

  it('fails at start-up naming the variable, without quoting the key', () => {
    const secretish = b64(16, 9);
    let error: unknown;
    try {
      parseConfig({ DATA_ENCRYPTION_KEYS: `k1:${secretish}` });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATA_ENCRYPTION_KEYS: key "k1" is 16 bytes; AES-256 needs 32/);
    expect((error as ConfigError).message).not.toContain(secretish);
  });
});

describe('parseKeyringSecret (the Secrets Manager value in AWS)', () => {
  const material = `${'A'.repeat(20)}${'b'.repeat(20)}0123456789abcdefghijklmnopqrstuv`;

  it('derives the key from generated material with HKDF-SHA256', () => {
    const keyring = parseKeyringSecret(JSON.stringify({ id: 'k1', material }));

    expect(keyring.current.id).toBe('k1');
    expect(keyring.current.key).toHaveLength(32);
    expect(keyring.current.key).toEqual(deriveDataKey('k1', material).key);
    expect(keyring.current.key).not.toEqual(deriveDataKey('k1', `${material}x`).key);
  });

  it('keeps previous keys for opening after a rotation', () => {
    const keyring = parseKeyringSecret(
      JSON.stringify({ id: 'k2', material: `${material}2`, previous: [{ id: 'k1', material }] }),
    );

    expect(keyring.current.id).toBe('k2');
    expect(keyring.byId.get('k1')).toEqual(deriveDataKey('k1', material).key);
  });

  it('accepts the DATA_ENCRYPTION_KEYS format too', () => {
    expect(parseKeyringSecret(`k9:${b64(32)}`).current.id).toBe('k9');
  });

  it.each([
    ['broken JSON', '{"id":'],
    ['no material', '{"id":"k1"}'],
    ['short material', '{"id":"k1","material":"short"}'],
    ['previous not a list', JSON.stringify({ id: 'k1', material, previous: {} })],
  ])('refuses %s', (_, value) => {
    expect(() => parseKeyringSecret(value)).toThrow(KeyringError);
  });
});
