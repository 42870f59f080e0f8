import { MemoryCache } from '@halooid/shared/cache/memory-cache';
import type { TenantState } from '@halooid/shared/tenancy';
import { describe, expect, it, vi } from 'vitest';
import { type AccessSources, cachedAccess } from './access-cache';

const TENANT_ID = '0193a5e4-7c1d-7000-8000-000000000001';
const USER_ID = '0193a5e4-7c1d-7000-8000-000000000002';
const state = (rbacVersion: number): TenantState => ({
  id: TENANT_ID,
  status: 'active',
  tier: 'pro',
  usageKey: 'usage',
  rbacVersion,
});

function sources(version: { current: number }, member = true) {
  const grants = member ? ['taskodex:*:*'] : undefined;
  return {
    loadTenant: vi.fn(async () => state(version.current)),
    loadGrants: vi.fn(async () => grants),
    loadMembership: vi.fn(async () => ({ tenant: state(version.current), grants })),
    verifyKey: vi.fn(async () => undefined),
  } satisfies AccessSources;
}

describe('membership: tenant and grants of a user', () => {
  it('reads both in one go on a full miss, then answers from the caches', async () => {
    const version = { current: 1 };
    const source = sources(version);
    let clock = 0;
    const access = cachedAccess(source, { shared: new MemoryCache(), now: () => clock });

    const first = await access.membership(USER_ID, TENANT_ID);
    clock += 500;
    const second = await access.membership(USER_ID, TENANT_ID);

    expect(first).toEqual({ tenant: state(1), grants: ['taskodex:*:*'] });
    expect(second).toEqual(first);
    expect(source.loadMembership).toHaveBeenCalledTimes(1);
    expect(source.loadTenant).not.toHaveBeenCalled();
    expect(source.loadGrants).not.toHaveBeenCalled();
  });

  it('re-reads both once the tenant is stale, so a changed role bites within the tenant TTL', async () => {
    const version = { current: 1 };
    const source = sources(version);
    let clock = 0;
    const access = cachedAccess(source, { shared: new MemoryCache(), now: () => clock, tenantTtlMs: 2_000 });
    await access.membership(USER_ID, TENANT_ID);

    version.current = 2;
    source.loadMembership.mockResolvedValueOnce({ tenant: state(2), grants: [] as never });
    clock += 2_001;
    const after = await access.membership(USER_ID, TENANT_ID);

    expect(after).toEqual({ tenant: state(2), grants: [] });
    expect(source.loadMembership).toHaveBeenCalledTimes(2);
  });

  it('remembers a non-member as such, stamped with the version read beside it', async () => {
    const source = sources({ current: 1 }, false);
    const access = cachedAccess(source, { shared: new MemoryCache(), now: () => 0 });

    const first = await access.membership(USER_ID, TENANT_ID);
    const tenant = await access.tenant(TENANT_ID);
    const grants = await access.grantsOf(USER_ID, state(1));

    expect(first.grants).toBeUndefined();
    expect(tenant).toEqual(state(1));
    expect(grants).toBeUndefined();
    expect(source.loadTenant).not.toHaveBeenCalled();
    expect(source.loadGrants).not.toHaveBeenCalled();
  });

  it('falls back to tenant then grants when the sources cannot read both at once', async () => {
    const { loadMembership: _, ...rest } = sources({ current: 1 });
    const access = cachedAccess(rest, { shared: new MemoryCache(), now: () => 0 });

    const result = await access.membership(USER_ID, TENANT_ID);

    expect(result).toEqual({ tenant: state(1), grants: ['taskodex:*:*'] });
    expect(rest.loadTenant).toHaveBeenCalledTimes(1);
    expect(rest.loadGrants).toHaveBeenCalledTimes(1);
  });
});
