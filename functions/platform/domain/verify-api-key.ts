import { timingSafeEqual } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ApiKeyEnv, hashSecret, parseApiKey } from './api-key-format';
import {
  type ApiKeyRecord,
  createApiKeyRepository,
  documentClient,
  touchLastUsed,
} from './api-key-repository';
import { apiKeysTableName } from './api-key-table';

export { parseApiKey };

/** Who an API key speaks for, as the authorizer needs it. Never a secret or hash. */
export interface VerifiedApiKey {
  keyId: string;
  tenantId: string;
  scopes: string[];
  /** The user who created the key; the authorizer may check they are still an active member. */
  createdBy: string;
  /**
   * Until when this exact secret stays valid: the key's expiry, or the end of
   * the grace period when it is the previous secret of a rotation; epoch
   * milliseconds. A cached decision must not outlive it.
   */
  validUntil: number;
}

export interface VerifyApiKeyDeps {
  /** The stored key by id (a strongly consistent read; see `getApiKeyRecord`). */
  getItem(keyId: string): Promise<ApiKeyRecord | undefined>;
  now?: () => Date;
  /** The stage verifying; a key issued for another stage is refused. Omitted: any stage. */
  env?: ApiKeyEnv;
}

const SHA256_BYTES = 32;

function sameHash(a: Uint8Array | undefined, b: Uint8Array): boolean {
  if (!a || a.length !== SHA256_BYTES || b.length !== SHA256_BYTES) return false;
  return timingSafeEqual(a, b);
}

/**
 * Checks a raw `hk_<env>_<keyId>_<secret>` key: strict format, known id,
 * active, not expired, and the SHA-256 of the secret equal (constant time)
 * to the stored hash, or to the previous hash while its rotation grace period
 * lasts. Anything else is undefined; the reason is deliberately not told.
 */
export async function verifyApiKey(
  raw: unknown,
  deps: VerifyApiKeyDeps,
): Promise<VerifiedApiKey | undefined> {
  const parsed = parseApiKey(raw);
  if (!parsed) return undefined;
  if (deps.env && parsed.env !== deps.env) return undefined;
  const record = await deps.getItem(parsed.keyId);
  if (!record || record.keyId !== parsed.keyId) return undefined;

  const now = (deps.now ?? (() => new Date()))().getTime();
  const hash = hashSecret(parsed.secret);
  // Both comparisons always run, so timing does not tell which secret matched.
  const current = sameHash(record.secretHash, hash);
  const previousUntil = record.previousHashExpiresAt ? Date.parse(record.previousHashExpiresAt) : Number.NaN;
  const previous = sameHash(record.previousSecretHash, hash) && previousUntil > now;

  const expiresAt = Date.parse(record.expiresAt);
  if (record.status !== 'active' || !(expiresAt > now)) return undefined;
  if (!current && !previous) return undefined;
  return {
    keyId: record.keyId,
    tenantId: record.tenantId,
    scopes: [...record.scopes],
    createdBy: record.createdBy,
    validUntil: current ? expiresAt : Math.min(expiresAt, previousUntil),
  };
}

/**
 * What the authorizer plugs in: verifies against the real table (strongly
 * consistent reads, API_KEYS_TABLE) for this stage, and records the use of
 * every genuine key without waiting for it.
 */
export function createApiKeyVerifier(
  options: {
    env?: ApiKeyEnv;
    client?: DynamoDBDocumentClient;
    tableName?: string;
    now?: () => Date;
    onRecordError?: (error: unknown) => void;
  } = {},
): (raw: string) => Promise<VerifiedApiKey | undefined> {
  const repository = createApiKeyRepository(options);
  return async (raw) => {
    const verified = await verifyApiKey(raw, {
      getItem: (keyId) => repository.get(keyId),
      ...(options.env ? { env: options.env } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    if (verified) {
      const recording = recordKeyUse(verified.keyId, options)
        .then(() => undefined)
        .catch((error) => options.onRecordError?.(error));
      inFlight.add(recording);
      void recording.finally(() => inFlight.delete(recording));
    }
    return verified;
  };
}

/** Last-used writes still running off the request's path (settleKeyUses waits for them). */
const inFlight = new Set<Promise<void>>();

/**
 * Waits for the last-used writes still in flight: a local platform calls it
 * before it stops DynamoDB, so no write lands on a closed table after the
 * gateway closed.
 */
export async function settleKeyUses(): Promise<void> {
  await Promise.allSettled([...inFlight]);
}

/** `getItem` for verifyApiKey backed by the real table (API_KEYS_TABLE). */
export function getApiKeyRecord(
  keyId: string,
  options: { client?: DynamoDBDocumentClient; tableName?: string } = {},
): Promise<ApiKeyRecord | undefined> {
  return createApiKeyRepository(options).get(keyId);
}

const LAST_USED_INTERVAL_MS = 60_000;
const MAX_REMEMBERED = 10_000;
const recentlyRecorded = new Map<string, number>();

/**
 * Records that a key was used: `lastUsedAt` moves at most once a minute per
 * key. The conditional update holds that across every authorizer instance;
 * the in-process memo spares the write (and its cost) on most calls. Returns
 * whether this call wrote. Call it after a successful verification, off the
 * request's critical path, and log (never fail the request on) an error.
 */
export async function recordKeyUse(
  keyId: string,
  options: { client?: DynamoDBDocumentClient; tableName?: string; now?: () => Date } = {},
): Promise<boolean> {
  const now = (options.now ?? (() => new Date()))();
  const last = recentlyRecorded.get(keyId);
  if (last !== undefined && now.getTime() - last < LAST_USED_INTERVAL_MS) return false;
  if (recentlyRecorded.size >= MAX_REMEMBERED) recentlyRecorded.clear();
  recentlyRecorded.set(keyId, now.getTime());
  return touchLastUsed(
    options.client ?? documentClient(),
    options.tableName ?? apiKeysTableName(),
    keyId,
    now,
    LAST_USED_INTERVAL_MS,
  );
}

/** Forgets the in-process memo of recordKeyUse (tests). */
export function resetKeyUseMemo(): void {
  recentlyRecorded.clear();
}
