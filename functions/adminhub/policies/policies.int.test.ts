import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let viewer: Session;
let globexOwner: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, viewer, globexOwner] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const create = (as: Session, tenant: string, body: Record<string, unknown>) =>
  platform.request('POST', '/v1/adminhub/policies', { headers: as.headers(tenant), body });

describe('policies', () => {
  it('creates a policy, lists it newest first and reads it back with its ETag', async () => {
    const first = await create(member, 'acme', { name: 'First policy' });
    const second = await create(member, 'acme', { name: 'Second policy' });

    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/v1/adminhub/policies/${first.body.id}`);
    expect(first.body).toMatchObject({ name: 'First policy', createdBy: member.userId, version: 1 });
    const list = await platform.request('GET', '/v1/adminhub/policies?limit=100', {
      headers: member.headers('acme'),
    });
    expect(list.status).toBe(200);
    const ids = list.body.items.map((item: { id: string }) => item.id);
    expect(ids.indexOf(second.body.id)).toBeLessThan(ids.indexOf(first.body.id));
    const search = await platform.request('GET', '/v1/adminhub/policies?q=second', {
      headers: member.headers('acme'),
    });
    expect(search.body.items.map((item: { id: string }) => item.id)).toEqual([second.body.id]);
    const read = await platform.request('GET', `/v1/adminhub/policies/${first.body.id}`, {
      headers: viewer.headers('acme'),
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(first.body);
  });

  it('keeps policies inside their tenant: another tenant lists none of them and gets 404 by id', async () => {
    const mine = await create(member, 'acme', { name: 'Acme only' });

    const list = await platform.request('GET', '/v1/adminhub/policies?limit=100', {
      headers: globexOwner.headers('globex'),
    });
    const read = await platform.request('GET', `/v1/adminhub/policies/${mine.body.id}`, {
      headers: globexOwner.headers('globex'),
    });

    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(mine.body.id);
    expect(read.status).toBe(404);
  });

  it('answers 400 for a bad name, 403 to a viewer creating and 401 without a token', async () => {
    const tooLong = await create(member, 'acme', { name: 'x'.repeat(201) });
    const byViewer = await create(viewer, 'acme', { name: 'Not allowed' });
    const anonymous = await platform.request('GET', '/v1/adminhub/policies');

    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('body.name');
    expect(byViewer.status).toBe(403);
    expect(anonymous.status).toBe(401);
  });
});
