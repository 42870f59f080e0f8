import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring';

/**
 * Authenticated encryption of small secrets kept in database rows (webhook
 * signing secrets): AES-256-GCM, a random 12-byte IV per value, and the row's
 * identity (purpose, tenant, id) as additional authenticated data, so a value
 * copied to another row or tenant fails to open. Stored as
 * `v1:<keyId>:<base64 iv>:<base64 ciphertext+tag>`.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SecretBoxErrorCode = 'unknown_key' | 'malformed' | 'not_authentic';

export class SecretBoxError extends Error {
  constructor(
    readonly code: SecretBoxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/** A JSON array: unambiguous, unlike joining with a separator a part might contain. */
const aadOf = (context: readonly string[]) => Buffer.from(JSON.stringify(context), 'utf8');

export function isSealed(value: string): boolean {
  return value.startsWith(`${VERSION}:`);
}

export function seal(keyring: Keyring, plaintext: string, context: readonly string[]): string {
  const { id, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aadOf(context));
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}:${id}:${iv.toString('base64')}:${sealed.toString('base64')}`;
}

/**
 * The plain text of `value`. A value without the `v1:` prefix was written
 * before encryption and is returned as it is (see `needsReseal`); anything
 * else that does not open with its key and this context throws.
 */
export function open(keyring: Keyring, value: string, context: readonly string[]): string {
  if (!isSealed(value)) return value;
  const [, keyId = '', ivText = '', sealedText = '', ...rest] = value.split(':');
  const key = keyring.byId.get(keyId);
  if (!key) throw new SecretBoxError('unknown_key', `No data key "${keyId}" in the keyring`);
  const iv = Buffer.from(ivText, 'base64');
  const sealed = Buffer.from(sealedText, 'base64');
  if (rest.length > 0 || iv.length !== IV_BYTES || sealed.length < TAG_BYTES)
    throw new SecretBoxError('malformed', 'The sealed value is malformed');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aadOf(context));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SecretBoxError('not_authentic', 'The sealed value does not open with its key and context');
  }
}

/** Plain text from before encryption, or sealed with a key that is no longer current. */
export function needsReseal(keyring: Keyring, value: string): boolean {
  return !value.startsWith(`${VERSION}:${keyring.current.id}:`);
}
