import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../auth/principal';
import type { Tx } from '../db/transaction';
import { UnauthorizedError } from '../errors';
import type { EventRecorder, EventsScope } from '../events/outbox';

// The transaction itself is proven against Postgres (tenant-isolation.int.test.ts);
// here only the scope this helper hands it, and the dependencies it builds.
const scopes: EventsScope[] = [];
const tx = { query: vi.fn() } as unknown as Tx;
const events = { record: vi.fn(), recordAll: vi.fn() } as unknown as EventRecorder;
vi.mock('../events/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../events/outbox')>()),
  withTenantEvents: async <T>(scope: EventsScope, work: (tx: Tx, events: EventRecorder) => Promise<T>) => {
    scopes.push(scope);
    return work(tx, events);
  },
}));
const { inTenantFor } = await import('./request-deps');

const TENANT_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const USER_ID = 'f3a1c2d4-1111-4222-8333-944455556666';
const origin = { sourceIp: '203.0.113.7', correlationId: 'corr-12345678' };
const user: Principal = { tenantId: TENANT_ID, principalId: USER_ID, principalType: 'user', grants: [] };
const apiKey: Principal = {
  tenantId: TENANT_ID,
  principalId: 'apikey:abcdefghijklmnop',
  principalType: 'apiKey',
  grants: [],
};

describe('inTenantFor', () => {
  beforeEach(() => {
    scopes.length = 0;
  });

  it("runs a user's work in their tenant, as them, with the request's dependencies", async () => {
    const seen = await inTenantFor(user, origin)(async (deps) => deps);

    expect(scopes).toEqual([{ tenantId: TENANT_ID, userId: USER_ID, actor: { type: 'user', id: USER_ID } }]);
    expect(seen.tx).toBe(tx);
    expect(seen.events).toBe(events);
    expect(seen.principal).toBe(user);
    expect(seen.actor).toEqual({ principal: user, ip: '203.0.113.7', correlationId: 'corr-12345678' });
    expect(seen.newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(seen.now()).toBeInstanceOf(Date);
  });

  it("never sets an API key's id as app.user_id", async () => {
    await inTenantFor(apiKey, origin)(async () => undefined);

    expect(scopes).toEqual([
      { tenantId: TENANT_ID, actor: { type: 'apiKey', id: 'apikey:abcdefghijklmnop' } },
    ]);
  });

  it('runs a call without a tenant (GET /v1/me before one is chosen) with no tenant', async () => {
    await inTenantFor({ ...user, tenantId: '' }, origin)(async () => undefined);

    expect(scopes[0]?.tenantId).toBe('');
  });

  it('is a 401 for a request without a principal (a PUBLIC route), before any transaction', async () => {
    await expect(inTenantFor(undefined, origin)(async () => undefined)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    expect(scopes).toEqual([]);
  });
});
