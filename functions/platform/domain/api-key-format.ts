import { createHash, randomBytes } from 'node:crypto';

/**
 * API key format: `hk_<env>_<keyId>_<secret>`.
 * - env: the stage that issued it (local, test, dev, prod), so a key pasted
 *   into the wrong environment is recognisable and refused.
 * - keyId: 16 characters of lower-case base32 (80 random bits), URL-safe,
 *   never `_`; the public identifier, also used in `/v1/api-keys/{keyId}`.
 * - secret: 32 random bytes (256 bits) as base64url, 43 characters. It is
 *   shown once; only its SHA-256 is stored. A fast hash is right here: the
 *   secret has full entropy, so there is nothing for a slow KDF to protect.
 */
export const API_KEY_ENVS = ['local', 'test', 'dev', 'prod'] as const;
export type ApiKeyEnv = (typeof API_KEY_ENVS)[number];

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const KEY_ID_BYTES = 10;
const SECRET_BYTES = 32;

export const KEY_ID_PATTERN = /^[a-z2-7]{16}$/;
const API_KEY_PATTERN = /^hk_(local|test|dev|prod)_([a-z2-7]{16})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  env: ApiKeyEnv;
  keyId: string;
  secret: string;
}

export interface NewKeyMaterial extends ParsedApiKey {
  /** The full key, returned to the caller once. */
  key: string;
  /** Shown in listings to recognise a key: `hk_<env>_<keyId>`, no secret bits. */
  prefix: string;
  secretHash: Uint8Array;
}

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32[(value << (5 - bits)) & 31];
  return output;
}

export function newKeyId(): string {
  return base32(randomBytes(KEY_ID_BYTES));
}

export function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function hashSecret(secret: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(secret, 'utf8').digest());
}

export function keyPrefix(env: ApiKeyEnv, keyId: string): string {
  return `hk_${env}_${keyId}`;
}

export function formatApiKey(env: ApiKeyEnv, keyId: string, secret: string): string {
  return `${keyPrefix(env, keyId)}_${secret}`;
}

/** Fresh material for a new key (or, with `keyId`, a new secret for an existing one). */
export function newKeyMaterial(env: ApiKeyEnv, keyId: string = newKeyId()): NewKeyMaterial {
  const secret = newSecret();
  return {
    env,
    keyId,
    secret,
    key: formatApiKey(env, keyId, secret),
    prefix: keyPrefix(env, keyId),
    secretHash: hashSecret(secret),
  };
}

/**
 * Strict parse: exactly the issued shape, nothing trimmed or case-folded.
 * Anything else (a changed character class, a wrong length, padding, extra
 * text) is undefined, so a tampered key never reaches a database lookup.
 * A 43-character base64url string holds 258 bits; the last character of
 * a 32-byte value only carries 4, so a non-canonical one is refused too.
 */
export function parseApiKey(raw: unknown): ParsedApiKey | undefined {
  if (typeof raw !== 'string' || raw.length > 100) return undefined;
  const match = API_KEY_PATTERN.exec(raw);
  if (!match) return undefined;
  const [, env, keyId, secret] = match;
  if (!env || !keyId || !secret) return undefined;
  if (Buffer.from(secret, 'base64url').toString('base64url') !== secret) return undefined;
  return { env: env as ApiKeyEnv, keyId, secret };
}
