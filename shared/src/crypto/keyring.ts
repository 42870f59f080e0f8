import { hkdfSync, randomBytes } from 'node:crypto';

/** One AES-256 data key and the id stored beside every value it seals. */
export interface DataKey {
  id: string;
  key: Buffer;
}

/** The key new values are sealed with, plus every key (current and retired) by id, for opening. */
export interface Keyring {
  current: DataKey;
  byId: ReadonlyMap<string, Buffer>;
}

export const KEY_BYTES = 32;
/** No `:` (it separates the parts of a sealed value); short, since every row stores it. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

export function keyringOf(keys: readonly DataKey[]): Keyring {
  const [current] = keys;
  if (!current) throw new KeyringError('no keys: give at least one id:base64key');
  const byId = new Map<string, Buffer>();
  for (const { id, key } of keys) {
    // Not quoted: an operator who pasted key material into the id must not find it in the logs.
    if (!KEY_ID.test(id)) throw new KeyringError(`a key id must match ${KEY_ID.source}`);
    if (key.length !== KEY_BYTES)
      throw new KeyringError(`key "${id}" is ${key.length} bytes; AES-256 needs ${KEY_BYTES}`);
    if (byId.has(id)) throw new KeyringError(`key id "${id}" appears twice`);
    byId.set(id, key);
  }
  return { current, byId };
}

/**
 * Parses `DATA_ENCRYPTION_KEYS`: `id:base64key[,id:base64key...]`, each key 32
 * random bytes in standard base64; the first is current (seals), the rest only
 * open what they sealed before a rotation. Error messages never quote a key.
 */
export function parseKeyring(value: string): Keyring {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const keys = entries.map((entry, index): DataKey => {
    const colon = entry.indexOf(':');
    if (colon <= 0) throw new KeyringError(`entry ${index + 1} is not id:base64key`);
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) throw new KeyringError(`entry ${index + 1}: key id must match ${KEY_ID.source}`);
    // Buffer.from(…, 'base64') skips what it cannot read; a typo must not silently shorten a key.
    if (!BASE64.test(encoded) || encoded.length % 4 !== 0)
      throw new KeyringError(`key "${id}" is not standard base64`);
    return { id, key: Buffer.from(encoded, 'base64') };
  });
  return keyringOf(keys);
}

/** The inverse of parseKeyring, for writing a keyring where it is kept (the local data dir). */
export function formatKeyring(keys: readonly DataKey[]): string {
  return keys.map(({ id, key }) => `${id}:${key.toString('base64')}`).join(',');
}

/** A fresh random key (local runtime and tests). */
export function randomDataKey(id = 'k1'): DataKey {
  return { id, key: randomBytes(KEY_BYTES) };
}

const HKDF_INFO = 'halooid/data-encryption-key/v1';

/**
 * A 32-byte key from a generated secret string (HKDF-SHA256, empty salt, a
 * fixed label). Secrets Manager generates printable passwords, not raw bytes:
 * 64 alphanumeric characters carry about 381 bits, which HKDF turns into a
 * uniform AES key.
 */
export function deriveDataKey(id: string, material: string): DataKey {
  if (material.length < 32) throw new KeyringError(`key material of "${id}" is shorter than 32 characters`);
  return { id, key: Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), HKDF_INFO, KEY_BYTES)) };
}

/**
 * The value of the Secrets Manager secret in AWS. The deploy generates
 * `{"id":"k1","material":"<64 random alphanumerics>"}`; each key is derived
 * from its material with HKDF (deriveDataKey). To rotate, put a new
 * `id`/`material` and move the old pair into `previous`. A value in the
 * `DATA_ENCRYPTION_KEYS` format (`id:base64key,…`) is accepted too.
 */
export function parseKeyringSecret(value: string): Keyring {
  if (!value.trimStart().startsWith('{')) return parseKeyring(value);
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new KeyringError('the secret is neither JSON nor id:base64key');
  }
  const entry = (candidate: unknown, where: string): DataKey => {
    const { id, material } = (candidate ?? {}) as { id?: unknown; material?: unknown };
    if (typeof id !== 'string' || typeof material !== 'string')
      throw new KeyringError(`${where} needs string "id" and "material"`);
    return deriveDataKey(id, material);
  };
  const previous = (json as { previous?: unknown }).previous ?? [];
  if (!Array.isArray(previous)) throw new KeyringError('"previous" must be an array');
  return keyringOf([entry(json, 'the secret'), ...previous.map((item, i) => entry(item, `previous[${i}]`))]);
}
