import { createHash } from 'node:crypto';
import type { AccessTokenVerifier, VerifiedAccessToken } from '@halooid/shared/auth/token-verifier';
import type { Cache } from '@halooid/shared/cache/cache';
import { MemoryCache } from '@halooid/shared/cache/memory-cache';
import type { TenantState } from '@halooid/shared/tenancy';
import type { AuthorizeDeps, VerifiedApiKey } from './authorize';

/**
 * The authorizer's caches, in three layers: this Lambda instance's memory,
 * then the shared cache (Redis when configured), then the source (Postgres,
 * DynamoDB). Cached grants and keys are stamped with the tenant's RBAC
 * version, and the version itself is re-read from Postgres at most every
 * `tenantTtlMs`: any change that bumps the version (a removed member, a
 * changed role, a revoked key, a disabled tenant) is enforced everywhere
 * within that time, with no flush by hand.
 */
export interface AccessSources {
  loadTenant(tenantId: string): Promise<TenantState | undefined>;
  loadGrants(userId: string, tenantId: string): Promise<string[] | undefined>;
  /**
   * Both at once, for a full miss; one read where two would be made. Optional:
   * without it a miss calls loadTenant, then loadGrants.
   */
  loadMembership?(userId: string, tenantId: string): Promise<Membership>;
  /** Whether the user has MFA enrolled (operators only). */
  loadMfaEnrolled?(userId: string): Promise<boolean>;
  /** Verifies a presented key against DynamoDB; `validUntil` (epoch ms) bounds how long the answer may be reused. */
  verifyKey(raw: string): Promise<(VerifiedApiKey & { validUntil?: number }) | undefined>;
}

export interface AccessCacheOptions {
  shared: Cache;
  now?: () => number;
  /** How stale a tenant's RBAC version may be: the bound on how late a revocation bites. */
  tenantTtlMs?: number;
  /** Upper bound on reusing a verified API key (it is also re-checked against the RBAC version). */
  keyTtlMs?: number;
}

export interface Membership {
  tenant: TenantState | undefined;
  /** Undefined when the user is not an active member (or the tenant does not exist). */
  grants: string[] | undefined;
}

interface Stamped<T> {
  version: number;
  value: T;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const GRANTS_TTL_SECONDS = 600;

export function cachedAccess(
  sources: AccessSources,
  options: AccessCacheOptions,
): Pick<AuthorizeDeps, 'tenant' | 'grantsOf' | 'apiKey' | 'mfaEnrolled'> & {
  membership: NonNullable<AuthorizeDeps['membership']>;
} {
  const now = options.now ?? Date.now;
  const tenantTtlMs = options.tenantTtlMs ?? 2_000;
  const keyTtlMs = options.keyTtlMs ?? 60_000;
  const tenants = new Map<string, { state: TenantState | undefined; fetchedAt: number }>();
  const inflight = new Map<string, Promise<TenantState | undefined>>();
  const local = new MemoryCache(10_000, now);
  const keys = new Map<string, { key: VerifiedApiKey; version: number; validUntil: number }>();

  const freshTenant = (tenantId: string) => {
    const hit = tenants.get(tenantId);
    return hit && now() - hit.fetchedAt < tenantTtlMs ? hit : undefined;
  };
  const rememberTenant = (tenantId: string, state: TenantState | undefined) => {
    if (tenants.size > 10_000) tenants.clear();
    tenants.set(tenantId, { state, fetchedAt: now() });
  };

  async function tenant(tenantId: string): Promise<TenantState | undefined> {
    const hit = freshTenant(tenantId);
    if (hit) return hit.state;
    // Concurrent requests for one tenant share a single read.
    let pending = inflight.get(tenantId);
    if (!pending) {
      pending = sources.loadTenant(tenantId).finally(() => inflight.delete(tenantId));
      inflight.set(tenantId, pending);
    }
    const state = await pending;
    rememberTenant(tenantId, state);
    return state;
  }

  const grantsKey = (tenantId: string, userId: string) => `authz:grants:${tenantId}:${userId}`;

  async function rememberGrants(userId: string, state: TenantState, grants: string[] | undefined) {
    const key = grantsKey(state.id, userId);
    const entry: Stamped<string[] | null> = { version: state.rbacVersion, value: grants ?? null };
    await local.set(key, entry, GRANTS_TTL_SECONDS);
    await options.shared.set(key, entry, GRANTS_TTL_SECONDS).catch(() => {});
  }

  async function grantsOf(userId: string, state: TenantState): Promise<string[] | undefined> {
    const key = grantsKey(state.id, userId);
    const fresh = (entry: Stamped<string[] | null> | undefined) => entry?.version === state.rbacVersion;
    const inMemory = await local.get<Stamped<string[] | null>>(key);
    if (inMemory && fresh(inMemory)) return inMemory.value ?? undefined;
    const shared = await options.shared.get<Stamped<string[] | null>>(key).catch(() => undefined);
    if (shared && fresh(shared)) {
      await local.set(key, shared, GRANTS_TTL_SECONDS);
      return shared.value ?? undefined;
    }
    const grants = await sources.loadGrants(userId, state.id);
    await rememberGrants(userId, state, grants);
    return grants;
  }

  /**
   * A user's tenant and grants. With a fresh tenant the grants come from the
   * caches as above; when the tenant must be re-read anyway, the grants are
   * read with it in one go (the version they are stamped with is the one read
   * beside them), which also refreshes the caches.
   */
  async function membership(userId: string, tenantId: string): Promise<Membership> {
    const hit = freshTenant(tenantId);
    const load = sources.loadMembership;
    if (hit || !load) {
      const state = hit ? hit.state : await tenant(tenantId);
      return { tenant: state, grants: state && (await grantsOf(userId, state)) };
    }
    const loaded = await load(userId, tenantId);
    rememberTenant(tenantId, loaded.tenant);
    if (loaded.tenant) await rememberGrants(userId, loaded.tenant, loaded.grants);
    return loaded;
  }

  async function apiKey(raw: string, tenantOf: (tenantId: string) => Promise<TenantState | undefined>) {
    // Keyed by a hash: the cache never holds a usable secret.
    const id = sha256(raw);
    const hit = keys.get(id);
    if (hit && hit.validUntil > now()) {
      const state = await tenantOf(hit.key.tenantId);
      if (state?.rbacVersion === hit.version) return hit.key;
    }
    keys.delete(id);
    const verified = await sources.verifyKey(raw);
    if (!verified) return undefined;
    const state = await tenantOf(verified.tenantId);
    if (!state) return undefined;
    const { validUntil, ...key } = verified;
    if (keys.size > 10_000) keys.clear();
    keys.set(id, {
      key,
      version: state.rbacVersion,
      validUntil: Math.min(now() + keyTtlMs, validUntil ?? Number.POSITIVE_INFINITY),
    });
    return key;
  }

  // Operators are few and their MFA rarely changes; re-read at the tenant TTL, so an MFA reset
  // shuts the console within seconds. Without a source nobody counts as enrolled.
  const mfa = new Map<string, { enrolled: boolean; fetchedAt: number }>();
  async function mfaEnrolled(userId: string): Promise<boolean> {
    const hit = mfa.get(userId);
    if (hit && now() - hit.fetchedAt < tenantTtlMs) return hit.enrolled;
    const enrolled = (await sources.loadMfaEnrolled?.(userId)) ?? false;
    if (mfa.size > 1_000) mfa.clear();
    mfa.set(userId, { enrolled, fetchedAt: now() });
    return enrolled;
  }

  return { tenant, grantsOf, membership, apiKey, mfaEnrolled };
}

/** Skips repeated RS256 verification of a token this instance already verified, until it expires. */
export function cachedVerifier(
  verifier: AccessTokenVerifier,
  now: () => number = Date.now,
): AccessTokenVerifier {
  const verified = new Map<string, VerifiedAccessToken>();
  return {
    async verify(token) {
      const id = sha256(token);
      const hit = verified.get(id);
      if (hit && hit.expiresAt * 1000 > now()) return hit;
      const result = await verifier.verify(token);
      if (verified.size > 10_000) verified.clear();
      verified.set(id, result);
      return result;
    },
  };
}
