import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  member = await platform.login('member@acme.example');
});

afterAll(async () => {
  await platform?.stop();
});

const create = (key: string, title: string) =>
  platform.request('POST', '/v1/taskodex/tasks', {
    headers: { ...member.headers('acme'), 'idempotency-key': key },
    body: { title },
  });

describe('POST with Idempotency-Key (DynamoDB-backed)', () => {
  it('creates once and replays the same answer to a retry', async () => {
    const first = await create('retry-1', 'Created once');
    const retry = await create('retry-1', 'Created once');

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const { rows } = await platform.db.query(
      "select count(*)::int as n from taskodex.tasks where title = 'Created once'",
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses the same key with a different body', async () => {
    await create('retry-2', 'First body');

    const reuse = await create('retry-2', 'Second body');

    expect(reuse.status).toBe(422);
    expect(reuse.body.code).toBe('idempotency_key_reused');
  });

  it('does not replay a rejected request: fixing the body with the same key works', async () => {
    const invalid = await platform.request('POST', '/v1/taskodex/tasks', {
      headers: { ...member.headers('acme'), 'idempotency-key': 'retry-3' },
      body: { title: '' },
    });
    const fixed = await create('retry-3', 'Fixed title');

    expect(invalid.status).toBe(400);
    expect(fixed.status).toBe(201);
  });
});
