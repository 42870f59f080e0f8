import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { describe, expect, it } from 'vitest';
import type { ApiKeyRecord, ApiKeyRepository } from '../domain/api-key-repository';
import { type ApiKeyDeps, checkScopes, createApiKey, revokeApiKey, rotateApiKey } from './api-key-use-cases';

const T0 = new Date('2026-03-01T12:00:00.000Z');
const TENANT = '0190c3f5-4b8e-7a1c-9d2e-3f4a5b6c7d8e';
const CATALOG = new Set(['taskodex:task:read', 'taskodex:task:write', 'platform:role:write']);
const owner: Principal = {
  tenantId: TENANT,
  principalId: 'user-1',
  principalType: 'user',
  grants: ['*:*:*'],
};

/** An in-memory repository plus a log of everything that touched DynamoDB or Postgres, in order. */
function harness(options: { failAudit?: boolean; failWrite?: boolean; failCommit?: boolean } = {}) {
  const log: string[] = [];
  const items = new Map<string, ApiKeyRecord>();
  const repo: ApiKeyRepository = {
    get: async (keyId) => items.get(keyId),
    put: async (record) => {
      if (options.failWrite) throw new Error('dynamo down');
      log.push('dynamo:put');
      items.set(record.keyId, record);
    },
    discard: async (keyId) => {
      log.push('dynamo:discard');
      items.delete(keyId);
    },
    list: async () => ({ items: [], nextCursor: null }),
    revoke: async (keyId, _tenantId, change) => {
      if (options.failWrite) throw new Error('dynamo down');
      log.push('dynamo:revoke');
      const item = items.get(keyId);
      if (item) items.set(keyId, { ...item, status: 'revoked', revokedAt: change.revokedAt });
      return true;
    },
    rotate: async (keyId, _tenantId, _expected, next) => {
      if (options.failWrite) throw new Error('dynamo down');
      log.push('dynamo:rotate');
      const item = items.get(keyId);
      if (item) items.set(keyId, { ...item, ...next });
      return true;
    },
    restoreSecret: async (keyId, _rotated, before) => {
      log.push('dynamo:restore');
      const item = items.get(keyId);
      if (item) items.set(keyId, { ...item, ...before });
    },
  };
  const tx: Tx = {
    query: (async (text: string) => {
      const statement = text.includes('audit_log')
        ? 'pg:audit'
        : text.includes('rbac_version')
          ? 'pg:bump'
          : 'pg:?';
      if (statement === 'pg:audit' && options.failAudit) throw new Error('audit insert failed');
      log.push(statement);
      return { rows: [{ rbac_version: 2 }], rowCount: 1 };
    }) as Tx['query'],
  };
  const deps = (principal: Principal = owner): ApiKeyDeps => ({
    repo,
    principal,
    inTenant: async (work) => {
      log.push('pg:begin');
      try {
        const result = await work(tx);
        if (options.failCommit) throw new Error('commit failed');
        log.push('pg:commit');
        return result;
      } catch (error) {
        log.push('pg:rollback');
        throw error;
      }
    },
    actor: { principal, ip: '203.0.113.7', correlationId: 'corr-1' },
    catalog: CATALOG,
    env: 'test',
    now: () => T0,
  });
  return { log, items, deps };
}

const create = (deps: ApiKeyDeps, scopes = ['taskodex:task:read'], expiresAt?: string) =>
  createApiKey({ name: 'CI', scopes, ...(expiresAt ? { expiresAt } : {}) }, deps);

describe('createApiKey: DynamoDB and the audit transaction', () => {
  it('audits and bumps the RBAC version, then writes the key, then commits', async () => {
    const { log, items, deps } = harness();

    const created = await create(deps());

    expect(log).toEqual(['pg:begin', 'pg:audit', 'pg:bump', 'dynamo:put', 'pg:commit']);
    expect(items.get(created.id)?.status).toBe('active');
  });

  it('writes no key when the audit record cannot be written', async () => {
    const { log, items, deps } = harness({ failAudit: true });

    await expect(create(deps())).rejects.toThrow('audit insert failed');

    expect(log).toEqual(['pg:begin', 'pg:rollback']);
    expect(items.size).toBe(0);
  });

  it('rolls the audit record back when DynamoDB fails', async () => {
    const { log, deps } = harness({ failWrite: true });

    await expect(create(deps())).rejects.toThrow('dynamo down');

    expect(log).toEqual(['pg:begin', 'pg:audit', 'pg:bump', 'pg:rollback']);
  });

  it('removes the written key when the commit fails, so no key exists without its audit record', async () => {
    const { log, items, deps } = harness({ failCommit: true });

    await expect(create(deps())).rejects.toThrow('commit failed');

    expect(log.at(-1)).toBe('dynamo:discard');
    expect(items.size).toBe(0);
  });
});

describe('createApiKey: rules', () => {
  it('lets only users create keys', async () => {
    const { deps } = harness();
    const key: Principal = { ...owner, principalType: 'apiKey', principalId: 'apikey:x' };

    await expect(create(deps(key))).rejects.toMatchObject({ status: 403 });
  });

  it('expires in 90 days by default and refuses a past expiry or one over a year away', async () => {
    const { deps } = harness();

    const byDefault = await create(deps());
    const past = create(deps(), undefined, '2026-03-01T11:59:59Z');
    const tooFar = create(deps(), undefined, '2027-03-02T12:00:01Z');
    const inAYear = await create(deps(), undefined, '2027-03-01T13:00:00+01:00');

    expect(byDefault.expiresAt).toBe('2026-05-30T12:00:00.000Z');
    await expect(past).rejects.toMatchObject({ status: 422, code: 'invalid_expiry' });
    await expect(tooFar).rejects.toMatchObject({ status: 422, code: 'invalid_expiry' });
    expect(inAYear.expiresAt).toBe('2027-03-01T12:00:00.000Z');
  });
});

describe('checkScopes', () => {
  it('accepts catalog permissions the grants cover, patterns included', () => {
    expect(() => checkScopes(['taskodex:task:read'], ['taskodex:*:read'], CATALOG)).not.toThrow();
  });

  it('answers 422 naming a scope missing from the catalog', () => {
    expect(() => checkScopes(['taskodex:task:read', 'platform:nothing:read'], ['*:*:*'], CATALOG)).toThrow(
      expect.objectContaining({
        status: 422,
        code: 'unknown_scope',
        message: expect.stringContaining('platform:nothing:read'),
        errors: [expect.objectContaining({ field: 'body.scopes.1' })],
      }),
    );
  });

  it('answers 403 naming a scope the caller does not hold', () => {
    expect(() =>
      checkScopes(['taskodex:task:read', 'platform:role:write'], ['taskodex:*:*'], CATALOG),
    ).toThrow(
      expect.objectContaining({
        status: 403,
        code: 'scope_not_held',
        message: expect.stringContaining('platform:role:write'),
        errors: [expect.objectContaining({ field: 'body.scopes.1' })],
      }),
    );
  });
});

describe('revokeApiKey and rotateApiKey', () => {
  it('revokes inside the audit transaction, and revoking again changes and audits nothing', async () => {
    const { log, items, deps } = harness();
    const created = await create(deps());
    log.length = 0;

    await revokeApiKey(created.id, deps());
    await revokeApiKey(created.id, deps());

    expect(log).toEqual(['pg:begin', 'pg:audit', 'pg:bump', 'dynamo:revoke', 'pg:commit']);
    expect(items.get(created.id)?.status).toBe('revoked');
  });

  it('answers 404 for a key of another tenant', async () => {
    const { deps } = harness();
    const created = await create(deps());
    const stranger: Principal = { ...owner, tenantId: '0190c3f5-0000-7000-8000-000000000000' };

    await expect(revokeApiKey(created.id, deps(stranger))).rejects.toMatchObject({ status: 404 });
    await expect(rotateApiKey(created.id, { gracePeriodSeconds: 0 }, deps(stranger))).rejects.toMatchObject({
      status: 404,
    });
  });

  it('puts the old secret back when the rotation commit fails', async () => {
    const ok = harness();
    const created = await create(ok.deps());
    const failing = harness({ failCommit: true });
    const before = ok.items.get(created.id) as ApiKeyRecord;
    failing.items.set(created.id, before);

    await expect(rotateApiKey(created.id, { gracePeriodSeconds: 60 }, failing.deps())).rejects.toThrow(
      'commit failed',
    );

    expect(failing.log.slice(-2)).toEqual(['pg:rollback', 'dynamo:restore']);
    expect(failing.items.get(created.id)?.secretHash).toEqual(before.secretHash);
    expect(failing.items.get(created.id)?.previousSecretHash).toBeUndefined();
  });

  it('lets only a user holding every scope of the key rotate it', async () => {
    const { deps } = harness();
    const created = await create(deps(), ['taskodex:task:read', 'taskodex:task:write']);
    const reader: Principal = {
      ...owner,
      principalId: 'user-2',
      grants: ['taskodex:*:read', 'platform:*:*'],
    };
    const key: Principal = { ...owner, principalType: 'apiKey', principalId: 'apikey:x' };

    await expect(rotateApiKey(created.id, { gracePeriodSeconds: 0 }, deps(reader))).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('taskodex:task:write'),
    });
    await expect(rotateApiKey(created.id, { gracePeriodSeconds: 0 }, deps(key))).rejects.toMatchObject({
      status: 403,
    });
  });

  it('never lets the previous secret outlive the key itself', async () => {
    const { deps } = harness();
    const created = await create(deps(), undefined, '2026-03-01T12:30:00Z');

    const rotated = await rotateApiKey(created.id, { gracePeriodSeconds: 86_400 }, deps());

    expect(rotated.previousKeyExpiresAt).toBe('2026-03-01T12:30:00.000Z');
  });

  it('refuses to rotate a revoked key with 422', async () => {
    const { deps } = harness();
    const created = await create(deps());
    await revokeApiKey(created.id, deps());

    await expect(rotateApiKey(created.id, { gracePeriodSeconds: 0 }, deps())).rejects.toMatchObject({
      status: 422,
      code: 'api_key_revoked',
    });
  });
});
