import { type AuditActor, bumpRbacVersion, recordAudit } from '@halooid/shared/audit';
import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import {
  AppError,
  BusinessRuleError,
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
} from '@halooid/shared/errors';
import { type ApiKeyEnv, type NewKeyMaterial, newKeyMaterial } from '../domain/api-key-format';
import {
  type ApiKeyListing,
  type ApiKeyRecord,
  type ApiKeyRepository,
  listKeyOf,
  purgeAtFor,
} from '../domain/api-key-repository';
import {
  type ApiKey,
  type CreateApiKeyInput,
  type CreatedApiKey,
  DEFAULT_KEY_LIFETIME_DAYS,
  type ListApiKeysQuery,
  MAX_KEY_LIFETIME_DAYS,
  type RotateApiKeyInput,
  type RotatedApiKey,
} from './schemas';

/**
 * API-key use cases. Dependencies come in as arguments so tests can pass
 * the real DynamoDB repository and Postgres, or fakes.
 *
 * Ordering of DynamoDB and Postgres. A change (create, revoke, rotate) runs
 * in ONE Postgres tenant transaction: audit record, RBAC version bump, then
 * the DynamoDB write as the last step before COMMIT.
 * - The DynamoDB write fails: the exception rolls the transaction back; no
 *   audit record, no change, no key.
 * - The write succeeds and COMMIT fails: the new secret exists only in this
 *   invocation's memory and the caller gets a 5xx, so nobody holds a usable
 *   secret; we still undo the write (delete the new key, restore the
 *   pre-rotation hashes; both conditional on our hash still being there). A
 *   revocation is not undone: an unaudited revoked key is the safe side.
 * - The RBAC version becomes visible at COMMIT, after DynamoDB changed, so an
 *   authorizer that reloads on the new version reads the new key state and a
 *   revocation cannot be re-cached from the old one.
 * Writing DynamoDB first and auditing after would instead leave a working
 * key without its audit record whenever Postgres failed.
 */
export interface ApiKeyDeps {
  repo: ApiKeyRepository;
  principal: Principal;
  /** Runs work in the caller's Postgres tenant transaction. */
  inTenant<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Who to write in the audit record (principal, IP, correlation id). */
  actor: AuditActor;
  /** Every permission of the platform (the manifests' catalogs): the only valid scopes. */
  catalog: ReadonlySet<string>;
  env: ApiKeyEnv;
  now: () => Date;
  newMaterial?: (env: ApiKeyEnv, keyId?: string) => NewKeyMaterial;
}

const DAY_MS = 24 * 3600 * 1000;
const AUDIT_TARGET = 'api-key';

export function statusOf(key: Pick<ApiKeyRecord, 'status' | 'expiresAt'>, now: Date): ApiKey['status'] {
  if (key.status === 'revoked') return 'revoked';
  return Date.parse(key.expiresAt) > now.getTime() ? 'active' : 'expired';
}

export function toApiKey(key: ApiKeyListing, now: Date): ApiKey {
  return {
    id: key.keyId,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    status: statusOf(key, now),
    createdBy: key.createdBy,
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    lastUsedAt: key.lastUsedAt ?? null,
    revokedAt: key.revokedAt ?? null,
  };
}

function requireUser(principal: Principal, action: string): void {
  if (principal.principalType !== 'user') {
    throw new ForbiddenError(`Only a signed-in user can ${action} an API key; an API key cannot.`);
  }
}

/** Every scope must be in the catalog (422) and held by the caller (403); problems name the scopes. */
export function checkScopes(
  scopes: readonly string[],
  grants: readonly string[],
  catalog: ReadonlySet<string>,
): void {
  const problems = scopes.map((scope, index) => ({ scope, field: `body.scopes.${index}` }));
  const unknown = problems.filter(({ scope }) => !catalog.has(scope));
  if (unknown.length) {
    throw new BusinessRuleError(
      'unknown_scope',
      `Unknown scope: ${unknown.map(({ scope }) => scope).join(', ')}. Scopes are permissions of the catalog (GET /v1/rbac/permissions).`,
      unknown.map(
        ({ scope, field }): FieldError => ({
          field,
          message: `"${scope}" is not a permission of the catalog.`,
          code: 'unknown_scope',
        }),
      ),
    );
  }
  const notHeld = problems.filter(({ scope }) => !permits(grants, scope));
  if (notHeld.length) {
    throw new AppError(
      403,
      'scope_not_held',
      `You cannot give a key a permission you do not hold: ${notHeld.map(({ scope }) => scope).join(', ')}.`,
      {
        errors: notHeld.map(({ scope, field }) => ({
          field,
          message: `You do not hold "${scope}".`,
          code: 'scope_not_held',
        })),
      },
    );
  }
}

function expiryOf(requested: string | undefined, now: Date): string {
  if (requested === undefined)
    return new Date(now.getTime() + DEFAULT_KEY_LIFETIME_DAYS * DAY_MS).toISOString();
  const at = Date.parse(requested);
  const latest = now.getTime() + MAX_KEY_LIFETIME_DAYS * DAY_MS;
  if (!(at > now.getTime()) || at > latest) {
    throw new BusinessRuleError(
      'invalid_expiry',
      `expiresAt must be in the future and at most ${MAX_KEY_LIFETIME_DAYS} days ahead.`,
      [{ field: 'body.expiresAt', message: 'Out of range.', code: 'invalid_expiry' }],
    );
  }
  return new Date(at).toISOString();
}

async function findOwnKey(
  keyId: string,
  deps: Pick<ApiKeyDeps, 'repo' | 'principal'>,
): Promise<ApiKeyRecord> {
  const key = await deps.repo.get(keyId);
  // Another tenant's key is "not found", never "forbidden": existence does not leak.
  if (!key || key.tenantId !== deps.principal.tenantId) throw new NotFoundError('API key');
  return key;
}

/**
 * Runs the audited change: audit + RBAC bump + `write` (DynamoDB) in one
 * transaction, and `undo` if the write happened but the commit did not.
 */
async function audited(
  deps: ApiKeyDeps,
  audit: { action: string; targetId: string; details: Record<string, unknown> },
  write: () => Promise<void>,
  undo?: () => Promise<void>,
): Promise<void> {
  let written = false;
  try {
    await deps.inTenant(async (tx) => {
      await recordAudit(tx, deps.actor, { ...audit, targetType: AUDIT_TARGET });
      await bumpRbacVersion(tx);
      await write();
      written = true;
    });
  } catch (error) {
    if (written && undo) await undo().catch(() => {});
    throw error;
  }
}

export async function createApiKey(input: CreateApiKeyInput, deps: ApiKeyDeps): Promise<CreatedApiKey> {
  requireUser(deps.principal, 'create');
  checkScopes(input.scopes, deps.principal.grants, deps.catalog);
  const now = deps.now();
  const expiresAt = expiryOf(input.expiresAt, now);
  const material = (deps.newMaterial ?? newKeyMaterial)(deps.env);
  const createdAt = now.toISOString();
  const record: ApiKeyRecord = {
    keyId: material.keyId,
    tenantId: deps.principal.tenantId,
    listKey: listKeyOf(createdAt, material.keyId),
    name: input.name,
    prefix: material.prefix,
    scopes: input.scopes,
    status: 'active',
    secretHash: material.secretHash,
    createdBy: deps.principal.principalId,
    createdAt,
    expiresAt,
    purgeAt: purgeAtFor(expiresAt),
  };
  await audited(
    deps,
    {
      action: 'api-key.created',
      targetId: record.keyId,
      details: { name: record.name, scopes: record.scopes, expiresAt, prefix: record.prefix },
    },
    () => deps.repo.put(record),
    () => deps.repo.discard(record.keyId, record.secretHash),
  );
  return {
    id: record.keyId,
    key: material.key,
    prefix: record.prefix,
    name: record.name,
    scopes: record.scopes,
    expiresAt,
    createdAt,
  };
}

export async function listApiKeys(
  query: ListApiKeysQuery,
  deps: Pick<ApiKeyDeps, 'repo' | 'principal' | 'now'>,
) {
  const page = await deps.repo.list(deps.principal.tenantId, query.limit, query.cursor);
  const now = deps.now();
  return { items: page.items.map((key) => toApiKey(key, now)), nextCursor: page.nextCursor };
}

export async function getApiKey(keyId: string, deps: Pick<ApiKeyDeps, 'repo' | 'principal' | 'now'>) {
  return toApiKey(await findOwnKey(keyId, deps), deps.now());
}

/** Revokes a key; revoking a revoked key is a no-op (idempotent DELETE), with nothing to audit. */
export async function revokeApiKey(keyId: string, deps: ApiKeyDeps): Promise<void> {
  const key = await findOwnKey(keyId, deps);
  if (key.status === 'revoked') return;
  const revokedAt = deps.now().toISOString();
  await audited(
    deps,
    { action: 'api-key.revoked', targetId: keyId, details: { name: key.name, prefix: key.prefix } },
    async () => {
      const revoked = await deps.repo.revoke(keyId, deps.principal.tenantId, {
        revokedAt,
        revokedBy: deps.principal.principalId,
        purgeAt: purgeAtFor(revokedAt),
      });
      if (!revoked) throw new ConflictError('The key changed while it was being revoked; try again.');
    },
  );
}

/**
 * A new secret for the key; the previous one keeps working for the grace
 * period (never past the key's own expiry). Only a user holding every scope
 * of the key may rotate it: otherwise rotation would hand them a secret more
 * powerful than they are.
 */
export async function rotateApiKey(
  keyId: string,
  input: RotateApiKeyInput,
  deps: ApiKeyDeps,
): Promise<RotatedApiKey> {
  requireUser(deps.principal, 'rotate');
  const key = await findOwnKey(keyId, deps);
  const now = deps.now();
  const status = statusOf(key, now);
  if (status !== 'active') {
    throw new BusinessRuleError(`api_key_${status}`, `This API key is ${status}; create a new one instead.`);
  }
  const missing = key.scopes.filter((scope) => !permits(deps.principal.grants, scope));
  if (missing.length) {
    throw new AppError(
      403,
      'scope_not_held',
      `Only someone holding every scope of this key may rotate it; you lack: ${missing.join(', ')}.`,
    );
  }
  const material = (deps.newMaterial ?? newKeyMaterial)(deps.env, keyId);
  const rotatedAt = now.toISOString();
  const previousKeyExpiresAt =
    input.gracePeriodSeconds > 0
      ? new Date(
          Math.min(now.getTime() + input.gracePeriodSeconds * 1000, Date.parse(key.expiresAt)),
        ).toISOString()
      : null;
  const before = {
    secretHash: key.secretHash,
    previousSecretHash: key.previousSecretHash,
    previousHashExpiresAt: key.previousHashExpiresAt,
    rotatedAt: key.rotatedAt,
  };
  await audited(
    deps,
    {
      action: 'api-key.rotated',
      targetId: keyId,
      details: { gracePeriodSeconds: input.gracePeriodSeconds, previousKeyExpiresAt },
    },
    async () => {
      const rotated = await deps.repo.rotate(keyId, deps.principal.tenantId, key.secretHash, {
        secretHash: material.secretHash,
        rotatedAt,
        ...(previousKeyExpiresAt
          ? { previousSecretHash: key.secretHash, previousHashExpiresAt: previousKeyExpiresAt }
          : {}),
      });
      if (!rotated) throw new ConflictError('The key changed while it was being rotated; try again.');
    },
    () => deps.repo.restoreSecret(keyId, material.secretHash, before),
  );
  return {
    id: keyId,
    key: material.key,
    prefix: key.prefix,
    name: key.name,
    scopes: key.scopes,
    expiresAt: key.expiresAt,
    createdAt: key.createdAt,
    rotatedAt,
    previousKeyExpiresAt,
  };
}
