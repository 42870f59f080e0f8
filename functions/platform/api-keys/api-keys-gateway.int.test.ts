import { statusWithin } from '@halooid/local/testing/eventually';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The acceptance, end to end through the gateway and the real authorizer. */
let platform: TestPlatform;
let owner: Session;
let globexOwner: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [owner, globexOwner] = await Promise.all([
    platform.login('owner@acme.example'),
    platform.login('owner@globex.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

async function newKey(scopes: string[]): Promise<{ id: string; key: string }> {
  const response = await platform.request('POST', '/v1/api-keys', {
    headers: owner.headers('acme'),
    body: { name: `key ${scopes.join(' ')}`, scopes },
  });
  expect(response.status).toBe(201);
  return response.body;
}

const withKey = (key: string) => ({ authorization: `ApiKey ${key}` });

describe('an API key with taskodex:task:read', () => {
  it('reads its tenant tasks, cannot write, and cannot see another tenant', async () => {
    const { key } = await newKey(['taskodex:task:read']);
    const globexTask = await platform.request('POST', '/v1/taskodex/tasks', {
      headers: globexOwner.headers('globex'),
      body: { title: 'Globex only' },
    });

    const list = await platform.request('GET', '/v1/taskodex/tasks', { headers: withKey(key) });
    const write = await platform.request('POST', '/v1/taskodex/tasks', {
      headers: withKey(key),
      body: { title: 'no' },
    });
    const foreign = await platform.request('GET', `/v1/taskodex/tasks/${globexTask.body.id}`, {
      headers: withKey(key),
    });
    const otherTenantHeader = await platform.request('GET', '/v1/taskodex/tasks', {
      headers: { ...withKey(key), 'x-tenant-id': globexOwner.tenants[0]?.id ?? '' },
    });

    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(write.status).toBe(403);
    expect(foreign.status).toBe(404);
    expect(otherTenantHeader.status).toBe(403);
  });

  // The authorizer re-reads key state every few seconds; the poll's deadline is generous
  // for a loaded machine and still far below any stale-cache failure.
  it('stops working within seconds of revocation', async () => {
    const { id, key } = await newKey(['taskodex:task:read']);
    expect((await platform.request('GET', '/v1/taskodex/tasks', { headers: withKey(key) })).status).toBe(200);

    const revoked = await platform.request('DELETE', `/v1/api-keys/${id}`, {
      headers: owner.headers('acme'),
    });

    expect(revoked.status).toBe(204);
    expect(
      await statusWithin(
        15_000,
        () => platform.request('GET', '/v1/taskodex/tasks', { headers: withKey(key) }),
        401,
      ),
    ).toBe(401);
  });

  it('after rotation, both secrets work during the grace period, then only the new one', async () => {
    const { id, key: oldKey } = await newKey(['taskodex:task:read']);
    const rotated = await platform.request('POST', `/v1/api-keys/${id}/rotate`, {
      headers: owner.headers('acme'),
      // Long enough that the two calls below land inside it on a loaded machine.
      body: { gracePeriodSeconds: 6 },
    });
    const newKeyValue: string = rotated.body.key;
    const graceEnd = Date.parse(rotated.body.previousKeyExpiresAt);

    const oldDuring = await platform.request('GET', '/v1/taskodex/tasks', { headers: withKey(oldKey) });
    const newDuring = await platform.request('GET', '/v1/taskodex/tasks', { headers: withKey(newKeyValue) });
    expect([oldDuring.status, newDuring.status]).toEqual([200, 200]);

    // Wait for the grace period the server set, not a fixed time after these calls.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, graceEnd + 500 - Date.now())));
    const oldAfter = await platform.request('GET', '/v1/taskodex/tasks', { headers: withKey(oldKey) });
    const newAfter = await platform.request('GET', '/v1/taskodex/tasks', { headers: withKey(newKeyValue) });
    expect([oldAfter.status, newAfter.status]).toEqual([401, 200]);
  });

  it('is refused when tampered with', async () => {
    const { key } = await newKey(['taskodex:task:read']);
    const tampered = `${key.slice(0, -2)}${key.endsWith('AA') ? 'BB' : 'AA'}`;

    expect((await platform.request('GET', '/v1/taskodex/tasks', { headers: withKey(tampered) })).status).toBe(
      401,
    );
  });
});
