import { randomUUID } from 'node:crypto';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { lambdaContext, proxyEvent } from '@halooid/local/api-gateway-events';
import { ensureLocalTables } from '@halooid/local/dynamo-tables';
import { startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { encodeGrants, type Principal } from '@halooid/shared/auth/principal';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { getDynamoClient } from '@halooid/shared/dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICES } from '../../registry';
import { grantsInTenant } from '../../system-roles';
import { hashSecret, newKeyMaterial } from '../domain/api-key-format';
import { createApiKeyRepository } from '../domain/api-key-repository';
import { apiKeysTableName } from '../domain/api-key-table';
import { getApiKeyRecord, recordKeyUse, resetKeyUseMemo, verifyApiKey } from '../domain/verify-api-key';
import { apiKeysService } from './service';

/**
 * The API-keys HTTP API against the real local platform: Postgres (audit,
 * RBAC version), dynalite (the keys table). Until the capability is in the
 * registry the gateway does not route to it, so these tests invoke its
 * Lambda handler with the API Gateway proxy events the local gateway builds,
 * carrying the authorizer context (tenant, principal, grants) the authorizer
 * would return. Grants are the demo users' real grants from Postgres.
 */
type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

let platform: TestPlatform;
let handler: Handler;
let acmeId: string;
let globexId: string;
let owner: Principal;
let member: Principal;
let viewer: Principal;
let globexOwner: Principal;

async function principalOf(email: string, tenantId: string): Promise<Principal> {
  const { rows } = await platform.db.query('select id from platform.users where lower(email) = $1', [email]);
  const userId = rows[0]?.id as string;
  const grants = await withTenantTransaction({ tenantId, userId }, (tx) => grantsInTenant(tx, userId));
  if (!grants) throw new Error(`${email} is not a member of ${tenantId}`);
  return { tenantId, principalId: userId, principalType: 'user', grants };
}

interface Call {
  status: number;
  headers: Record<string, string | number | boolean>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  body: any;
  text: string;
}

async function call(
  principal: Principal,
  method: string,
  path: string,
  body?: unknown,
  query: Record<string, string> = {},
): Promise<Call> {
  const keyId = /^\/v1\/api-keys\/([^/]+)/.exec(path)?.[1];
  const resource = path.replace(/^\/v1\/api-keys\/[^/]+/, '/v1/api-keys/{keyId}');
  const event = proxyEvent(
    {
      method,
      path,
      resource,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      query: new URLSearchParams(query),
      pathParameters: keyId ? { keyId } : null,
      body: body === undefined ? null : JSON.stringify(body),
      sourceIp: '203.0.113.7',
      requestId: randomUUID(),
    },
    {
      tenantId: principal.tenantId,
      principalId: principal.principalId,
      principalType: principal.principalType,
      grants: encodeGrants(principal.grants),
    },
  );
  const response = await handler(event, lambdaContext('platform-api-keys'));
  return {
    status: response.statusCode,
    headers: response.headers ?? {},
    body: response.body ? JSON.parse(response.body) : undefined,
    text: response.body,
  };
}

const createKey = (principal: Principal, body: Record<string, unknown>) =>
  call(principal, 'POST', '/v1/api-keys', body);

async function rbacVersion(tenantId: string): Promise<number> {
  const { rows } = await platform.db.query('select rbac_version from platform.tenants where id = $1', [
    tenantId,
  ]);
  return Number(rows[0]?.rbac_version);
}

async function auditRows(keyId: string) {
  const { rows } = await platform.db.query(
    `select tenant_id, actor_id, actor_type, action, target_type, ip, details
       from platform.audit_log where target_id = $1 order by occurred_at, id`,
    [keyId],
  );
  return rows;
}

const getItem = (keyId: string) => getApiKeyRecord(keyId);

beforeAll(async () => {
  platform = await startTestPlatform();
  await ensureLocalTables(getDynamoClient());
  handler = ((await import('./handler')) as { handler: Handler }).handler;
  const { rows } = await platform.db.query(
    `select id, slug from platform.tenants where slug in ('acme', 'globex')`,
  );
  acmeId = rows.find((row) => row.slug === 'acme')?.id;
  globexId = rows.find((row) => row.slug === 'globex')?.id;
  // One after another: these are set-up reads, not a concurrency test.
  owner = await principalOf('owner@acme.example', acmeId);
  member = await principalOf('member@acme.example', acmeId);
  viewer = await principalOf('viewer@acme.example', acmeId);
  globexOwner = await principalOf('owner@globex.example', globexId);
});

afterAll(async () => {
  await platform?.stop();
});

describe('ensureLocalTables', () => {
  it('is idempotent: a second call leaves the existing table and its items alone', async () => {
    const created = await createKey(owner, { name: 'survives', scopes: ['taskodex:task:read'] });

    await ensureLocalTables(getDynamoClient());

    expect(await getItem(created.body.id)).toBeDefined();
  });
});

describe('POST /v1/api-keys', () => {
  it('returns the full key once, stores only its SHA-256, audits and bumps the RBAC version', async () => {
    const versionBefore = await rbacVersion(acmeId);

    const response = await createKey(owner, { name: '  CI pipeline ', scopes: ['taskodex:task:read'] });

    expect(response.status).toBe(201);
    expect(response.headers['Cache-Control']).toBe('no-store');
    const { id, key, prefix } = response.body;
    expect(response.body).toMatchObject({ name: 'CI pipeline', scopes: ['taskodex:task:read'] });
    expect(key).toMatch(new RegExp(`^hk_local_${id}_[A-Za-z0-9_-]{43}$`));
    expect(prefix).toBe(`hk_local_${id}`);
    expect(response.headers.Location).toBe(`/v1/api-keys/${id}`);
    const secret = key.slice(prefix.length + 1);

    const { Item } = await getDynamoClient().send(
      new GetItemCommand({ TableName: apiKeysTableName(), Key: { keyId: { S: id } }, ConsistentRead: true }),
    );
    expect(Buffer.from(Item?.secretHash?.B ?? [])).toEqual(Buffer.from(hashSecret(secret)));
    expect(JSON.stringify(Item)).not.toContain(secret);
    expect(Item?.tenantId?.S).toBe(acmeId);
    expect(Item?.createdBy?.S).toBe(owner.principalId);

    expect(await verifyApiKey(key, { getItem })).toMatchObject({
      keyId: id,
      tenantId: acmeId,
      scopes: ['taskodex:task:read'],
      createdBy: owner.principalId,
    });
    expect(await rbacVersion(acmeId)).toBe(versionBefore + 1);
    expect(await auditRows(id)).toEqual([
      expect.objectContaining({
        tenant_id: acmeId,
        actor_id: owner.principalId,
        actor_type: 'user',
        action: 'api-key.created',
        target_type: 'api-key',
        ip: '203.0.113.7',
        details: expect.objectContaining({ scopes: ['taskodex:task:read'], prefix }),
      }),
    ]);
  });

  it('answers 403 to a viewer, who lacks platform:api-key:write, and writes nothing', async () => {
    const versionBefore = await rbacVersion(acmeId);

    const response = await createKey(viewer, { name: 'viewer', scopes: ['taskodex:task:read'] });

    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/platform:api-key:write/);
    expect(await rbacVersion(acmeId)).toBe(versionBefore);
  });

  it('refuses to give a key a permission its creator does not hold, naming it', async () => {
    // A member with a custom role that allows managing keys: still cannot hand out platform:role:write.
    const keyManager = { ...member, grants: [...member.grants, 'platform:api-key:write'] };

    const response = await createKey(keyManager, {
      name: 'escalation',
      scopes: ['taskodex:task:read', 'platform:role:write'],
    });

    expect(response.status).toBe(403);
    expect(response.headers['Content-Type']).toBe('application/problem+json');
    expect(response.body).toMatchObject({
      code: 'scope_not_held',
      detail: expect.stringContaining('platform:role:write'),
    });
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body.scopes.1' })]);
  });

  it('answers 422 to a scope outside the catalog and 400 to a pattern or an unknown field', async () => {
    const unknown = await createKey(owner, { name: 'x', scopes: ['taskodex:spaceship:read'] });
    const pattern = await createKey(owner, { name: 'x', scopes: ['taskodex:*:read'] });
    const extra = await createKey(owner, { name: 'x', scopes: ['taskodex:task:read'], tenantId: globexId });

    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toMatch(/taskodex:spaceship:read/);
    expect(pattern.status).toBe(400);
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe('body.tenantId');
  });

  it('refuses an expiry in the past or more than a year ahead', async () => {
    const past = await createKey(owner, {
      name: 'x',
      scopes: ['taskodex:task:read'],
      expiresAt: '2020-01-01T00:00:00Z',
    });
    const far = await createKey(owner, {
      name: 'x',
      scopes: ['taskodex:task:read'],
      expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString(),
    });

    expect([past.status, far.status]).toEqual([422, 422]);
    expect(past.body.errors[0].field).toBe('body.expiresAt');
  });

  it('refuses an API key creating another key', async () => {
    const asKey: Principal = { ...owner, principalType: 'apiKey', principalId: 'aaaaaaaaaaaaaaaa' };

    const response = await createKey(asKey, { name: 'child', scopes: ['taskodex:task:read'] });

    expect(response.status).toBe(403);
  });
});

describe('GET /v1/api-keys', () => {
  it('pages through the tenant keys newest first and never shows a secret or hash', async () => {
    const keys: { id: string; key: string }[] = [];
    for (const name of ['page-1', 'page-2', 'page-3']) {
      keys.push((await createKey(owner, { name, scopes: ['taskodex:task:read'] })).body);
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let allText = '';
    do {
      const response: Call = await call(owner, 'GET', '/v1/api-keys', undefined, {
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      expect(response.status).toBe(200);
      allText += response.text;
      seen.push(...response.body.items.map((item: { id: string }) => item.id));
      cursor = response.body.nextCursor;
      pages++;
    } while (cursor);

    expect(seen.slice(0, 3)).toEqual(keys.map((key) => key.id).reverse());
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 2));
    for (const { key } of keys) expect(allText).not.toContain(key.split('_').slice(3).join('_'));
    expect(allText).not.toMatch(/secret|hash|"key"/i);
  });

  it('shows one key with status, creator and no secret; another tenant gets 404', async () => {
    const created = await createKey(owner, { name: 'single', scopes: ['taskodex:task:read'] });

    const mine = await call(member, 'GET', `/v1/api-keys/${created.body.id}`);
    const theirs = await call(globexOwner, 'GET', `/v1/api-keys/${created.body.id}`);
    const globexList = await call(globexOwner, 'GET', '/v1/api-keys');

    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      id: created.body.id,
      name: 'single',
      prefix: created.body.prefix,
      scopes: ['taskodex:task:read'],
      status: 'active',
      createdBy: owner.principalId,
      createdAt: created.body.createdAt,
      expiresAt: created.body.expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(theirs.status).toBe(404);
    expect(globexList.body.items.map((item: { id: string }) => item.id)).not.toContain(created.body.id);
  });

  it('answers 400 to a malformed key id or cursor', async () => {
    const badId = await call(owner, 'GET', '/v1/api-keys/NOT-AN-ID');
    const badCursor = await call(owner, 'GET', '/v1/api-keys', undefined, { cursor: 'bm9wZQ' });

    expect(badId.status).toBe(400);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].field).toBe('query.cursor');
  });

  it('shows lastUsedAt once the authorizer recorded a use, at most once a minute', async () => {
    const created = await createKey(owner, { name: 'used', scopes: ['taskodex:task:read'] });
    resetKeyUseMemo();
    const before = Date.now();

    const first = await recordKeyUse(created.body.id);
    resetKeyUseMemo(); // as if another authorizer instance
    const second = await recordKeyUse(created.body.id);
    const shown = await call(owner, 'GET', `/v1/api-keys/${created.body.id}`);

    expect([first, second]).toEqual([true, false]);
    // Bounded by instants taken around the calls, not "the last 10 s": a loaded machine can be slow.
    expect(Date.parse(shown.body.lastUsedAt)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(shown.body.lastUsedAt)).toBeLessThanOrEqual(Date.now());
  });
});

describe('DELETE /v1/api-keys/{keyId}', () => {
  it('revokes: verification refuses the key at once, the list says revoked, audited and versioned', async () => {
    const created = await createKey(owner, { name: 'to revoke', scopes: ['taskodex:task:read'] });
    const versionBefore = await rbacVersion(acmeId);

    const response = await call(owner, 'DELETE', `/v1/api-keys/${created.body.id}`);
    const again = await call(owner, 'DELETE', `/v1/api-keys/${created.body.id}`);
    const shown = await call(owner, 'GET', `/v1/api-keys/${created.body.id}`);

    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(again.status).toBe(204);
    expect(await verifyApiKey(created.body.key, { getItem })).toBeUndefined();
    expect(shown.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect(await rbacVersion(acmeId)).toBe(versionBefore + 1);
    expect((await auditRows(created.body.id)).map((row) => row.action)).toEqual([
      'api-key.created',
      'api-key.revoked',
    ]);
  });

  it('answers 404 to another tenant and leaves the key working', async () => {
    const created = await createKey(owner, { name: 'not yours', scopes: ['taskodex:task:read'] });

    const response = await call(globexOwner, 'DELETE', `/v1/api-keys/${created.body.id}`);
    const rotate = await call(globexOwner, 'POST', `/v1/api-keys/${created.body.id}/rotate`, {
      gracePeriodSeconds: 0,
    });

    expect([response.status, rotate.status]).toEqual([404, 404]);
    expect(await verifyApiKey(created.body.key, { getItem })).toBeDefined();
    expect((await auditRows(created.body.id)).map((row) => row.action)).toEqual(['api-key.created']);
  });
});

describe('POST /v1/api-keys/{keyId}/rotate', () => {
  it('issues a new secret; both work during the grace period, only the new one after', async () => {
    const created = await createKey(owner, { name: 'rotating', scopes: ['taskodex:task:read'] });
    const versionBefore = await rbacVersion(acmeId);

    const response = await call(owner, 'POST', `/v1/api-keys/${created.body.id}/rotate`, {
      gracePeriodSeconds: 3600,
    });

    expect(response.status).toBe(200);
    expect(response.headers['Cache-Control']).toBe('no-store');
    const rotated = response.body;
    expect(rotated).toMatchObject({ id: created.body.id, prefix: created.body.prefix, name: 'rotating' });
    expect(rotated.key).not.toBe(created.body.key);
    const graceEnd = Date.parse(rotated.previousKeyExpiresAt);
    expect(graceEnd - Date.parse(rotated.rotatedAt)).toBe(3_600_000);
    const during = () => new Date(graceEnd - 1000);
    const after = () => new Date(graceEnd + 1000);

    expect(await verifyApiKey(created.body.key, { getItem, now: during })).toMatchObject({
      validUntil: graceEnd,
    });
    expect(await verifyApiKey(rotated.key, { getItem, now: during })).toBeDefined();
    expect(await verifyApiKey(created.body.key, { getItem, now: after })).toBeUndefined();
    expect(await verifyApiKey(rotated.key, { getItem, now: after })).toBeDefined();
    expect(await rbacVersion(acmeId)).toBe(versionBefore + 1);
    const audit = await auditRows(created.body.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'api-key.rotated',
      details: { gracePeriodSeconds: 3600, previousKeyExpiresAt: rotated.previousKeyExpiresAt },
    });
  });

  it('ends the old secret at once with a zero grace period, and revocation ends both', async () => {
    const created = await createKey(owner, { name: 'hard rotate', scopes: ['taskodex:task:read'] });
    const graceful = await createKey(owner, { name: 'revoked in grace', scopes: ['taskodex:task:read'] });

    const hard = await call(owner, 'POST', `/v1/api-keys/${created.body.id}/rotate`, {
      gracePeriodSeconds: 0,
    });
    const soft = await call(owner, 'POST', `/v1/api-keys/${graceful.body.id}/rotate`, {
      gracePeriodSeconds: 600,
    });
    await call(owner, 'DELETE', `/v1/api-keys/${graceful.body.id}`);

    expect(hard.body.previousKeyExpiresAt).toBeNull();
    expect(await verifyApiKey(created.body.key, { getItem })).toBeUndefined();
    expect(await verifyApiKey(hard.body.key, { getItem })).toBeDefined();
    expect(await verifyApiKey(graceful.body.key, { getItem })).toBeUndefined();
    expect(await verifyApiKey(soft.body.key, { getItem })).toBeUndefined();
  });

  it('refuses a grace period over 24 hours, a revoked key and a tampered key', async () => {
    const created = await createKey(owner, { name: 'limits', scopes: ['taskodex:task:read'] });
    const tooLong = await call(owner, 'POST', `/v1/api-keys/${created.body.id}/rotate`, {
      gracePeriodSeconds: 86_401,
    });
    await call(owner, 'DELETE', `/v1/api-keys/${created.body.id}`);
    const revoked = await call(owner, 'POST', `/v1/api-keys/${created.body.id}/rotate`, {
      gracePeriodSeconds: 0,
    });
    const live = await createKey(owner, { name: 'tamper target', scopes: ['taskodex:task:read'] });
    const key: string = live.body.key;
    const flipped = `${key.slice(0, -2)}${key.at(-2) === 'A' ? 'B' : 'A'}${key.at(-1)}`;

    expect(tooLong.status).toBe(400);
    expect(revoked.status).toBe(422);
    expect(revoked.body.code).toBe('api_key_revoked');
    expect(await verifyApiKey(flipped, { getItem })).toBeUndefined();
    expect(
      await verifyApiKey(key.replace('hk_local_', 'hk_prod_'), { getItem, env: 'local' }),
    ).toBeUndefined();
    expect(await verifyApiKey(key, { getItem, env: 'local' })).toBeDefined();
  });
});

describe('the compensations a failed audit commit runs, against DynamoDB', () => {
  it('restores the pre-rotation secret, and discards a key only while it still has our hash', async () => {
    const repo = createApiKeyRepository();
    const created = await createKey(owner, { name: 'compensated', scopes: ['taskodex:task:read'] });
    const before = (await getItem(created.body.id)) as NonNullable<Awaited<ReturnType<typeof getItem>>>;
    const next = newKeyMaterial('local', created.body.id);

    const rotated = await repo.rotate(created.body.id, acmeId, before.secretHash, {
      secretHash: next.secretHash,
      rotatedAt: new Date().toISOString(),
    });
    const staleRotation = await repo.rotate(created.body.id, acmeId, before.secretHash, {
      secretHash: next.secretHash,
      rotatedAt: new Date().toISOString(),
    });
    expect([rotated, staleRotation]).toEqual([true, false]);
    expect(await verifyApiKey(next.key, { getItem })).toBeDefined();

    await repo.restoreSecret(created.body.id, next.secretHash, before);
    expect(await verifyApiKey(created.body.key, { getItem })).toBeDefined();
    expect(await verifyApiKey(next.key, { getItem })).toBeUndefined();

    await repo.discard(created.body.id, next.secretHash);
    expect(await getItem(created.body.id)).toBeDefined();
    await repo.discard(created.body.id, before.secretHash);
    expect(await getItem(created.body.id)).toBeUndefined();
  });
});

describe.skipIf(!SERVICES.includes(apiKeysService))('through the local gateway (once registered)', () => {
  it('creates and lists keys over HTTP as the Acme owner', async () => {
    const session = await platform.login('owner@acme.example');

    const created = await platform.request('POST', '/v1/api-keys', {
      headers: session.headers('acme'),
      body: { name: 'over http', scopes: ['taskodex:task:read'] },
    });
    const listed = await platform.request('GET', '/v1/api-keys', { headers: session.headers('acme') });

    expect(created.status).toBe(201);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    expect(listed.text).not.toContain(created.body.key);
  });
});
