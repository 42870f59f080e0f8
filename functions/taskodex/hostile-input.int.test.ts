import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Values a schema's shape lets through but the database or the calendar cannot
 * hold — an edited cursor, a version past int4, year 0, a week in year 10000,
 * an Accept nobody serves — found by walking the API as a new user. Each must
 * be a clear 4xx problem, never a 500, and change nothing.
 */
let platform: TestPlatform;
let member: Session;
let admin: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, admin] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('admin@acme.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const call = (
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) =>
  platform.request(method, path, {
    body: options.body,
    headers: { ...member.headers('acme'), ...options.headers },
  });

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** `code` is the problem's code, or the first field error's for a validation problem. */
function expectProblem(response: Awaited<ReturnType<typeof call>>, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect([response.body.code, response.body.errors?.[0]?.code]).toContain(code);
}

describe('hostile input gets a 4xx, not a 500', () => {
  it('an edited list cursor whose values do not fit their columns', async () => {
    // Lists the demo gives Maya more than one row of, so a real cursor exists to edit:
    // only its values change, and the sort signature still matches.
    const lists = ['/v1/taskodex/tasks', '/v1/taskodex/time-entries', '/v1/taskodex/projects'];
    for (const path of lists) {
      const first = await call('GET', `${path}?limit=1`);
      expect(first.status).toBe(200);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const real = JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString('utf8'));
      const edited = cursorOf({ s: real.s, v: real.v.map(() => 'x') });

      expectProblem(await call('GET', `${path}?cursor=${edited}`), 400, 'invalid_cursor');
    }
    expectProblem(
      await call('GET', `/v1/tenants/current/members?cursor=${cursorOf({ email: 'a@b', userId: 'nope' })}`),
      400,
      'invalid_cursor',
    );
  });

  it('a version past what Postgres can count, in the body or as If-Match', async () => {
    const created = await call('POST', '/v1/taskodex/tasks', { body: { title: 'Versioned' } });
    const path = `/v1/taskodex/tasks/${created.body.id}`;

    expectProblem(
      await call('PATCH', path, { body: { version: 2_147_483_648, title: 'x' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await call('PATCH', path, { body: { title: 'x' }, headers: { 'If-Match': '"2147483648"' } }),
      400,
      'validation_failed',
    );
    const unchanged = await call('GET', path);
    expect(unchanged.body).toMatchObject({ title: 'Versioned', version: 1 });
  });

  it('dates in year 0, and ISO weeks that end in year 10000 or fall in years 0–99', async () => {
    expectProblem(
      await call('POST', '/v1/taskodex/tasks', { body: { title: 'Ancient', dueDate: '0000-01-01' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await call('GET', '/v1/taskodex/reports/time?from=0000-01-01&to=0000-01-31&groupBy=project'),
      400,
      'validation_failed',
    );
    expectProblem(
      await call('POST', '/v1/taskodex/time-entries', {
        body: { startedAt: '0000-01-01T09:00:00Z', durationSeconds: 60 },
      }),
      400,
      'validation_failed',
    );
    for (const week of ['9999-W52', '0050-W10'])
      expect((await call('GET', `/v1/taskodex/timesheets?week=${week}`)).status).toBe(400);
  });

  it('an Accept header that names neither JSON nor CSV on a route that serves both', async () => {
    const query = '/v1/taskodex/reports/time?from=2026-11-01&to=2026-11-30&groupBy=project';

    expectProblem(
      await call('GET', query, { headers: { Accept: 'application/xml' } }),
      406,
      'not_acceptable',
    );
    const preferJson = await call('GET', query, {
      headers: { Accept: 'text/csv;q=0.1, application/json;q=0.9' },
    });
    expect(preferJson.status).toBe(200);
    expect(preferJson.headers.get('content-type')).toContain('application/json');
  });

  it('a timesheet decision about someone who is not a member names the field', async () => {
    const response = await platform.request('POST', '/v1/taskodex/timesheets/2026-W40/approve', {
      headers: admin.headers('acme'),
      body: { userId: '00000000-0000-7000-8000-000000000000' },
    });

    expectProblem(response, 422, 'user_not_member');
  });

  it('a CSV import sent as text/plain is told which types it may use', async () => {
    const response = await call('POST', '/v1/taskodex/tasks/import', {
      headers: { 'Content-Type': 'text/plain' },
      body: 'title\nA task',
    });

    expectProblem(response, 415, 'unsupported_media_type');
    expect(response.body.detail).toContain('text/csv');
    const empty = await call('POST', '/v1/taskodex/tasks/import');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.errors)).toContain('Content-Type: text/csv');
  });
});
