import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { parseCsv } from '@halooid/shared/http/csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let admin: Session;
let viewer: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, admin, viewer] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('admin@acme.example'),
    platform.login('viewer@acme.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const post = (session: Session, path: string, body?: unknown) =>
  platform.request('POST', path, { headers: session.headers('acme'), body });
const get = (session: Session, path: string, headers: Record<string, string> = {}) =>
  platform.request('GET', path, { headers: { ...session.headers('acme'), ...headers } });
const log = (session: Session, body: Record<string, unknown>) =>
  post(session, '/v1/taskodex/time-entries', body);

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((error) => error.field);

describe('timers', () => {
  it('starts a timer, stops it by starting another, and stops the second', async () => {
    const first = await log(member, { description: 'Standup' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      userId: member.userId,
      endedAt: null,
      durationSeconds: null,
      running: true,
      billable: false,
      lockedReason: null,
      version: 1,
    });

    const second = await log(member, { description: 'Code review', tags: ['review'] });
    expect(second.status).toBe(201);
    expect(second.body.running).toBe(true);

    const firstNow = await get(member, `/v1/taskodex/time-entries/${first.body.id}`);
    expect(firstNow.body).toMatchObject({ running: false, version: 2 });
    expect(firstNow.body.endedAt).not.toBeNull();
    expect(firstNow.body.durationSeconds).toBeGreaterThanOrEqual(0);
    const running = await get(member, '/v1/taskodex/time-entries?running=true');
    expect(running.body.items.map((entry: { id: string }) => entry.id)).toEqual([second.body.id]);

    const stopped = await post(member, `/v1/taskodex/time-entries/${second.body.id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ running: false, description: 'Code review', tags: ['review'] });
    expect(stopped.body.durationSeconds).toBe(
      (Date.parse(stopped.body.endedAt) - Date.parse(stopped.body.startedAt)) / 1000,
    );
    expect((await post(member, `/v1/taskodex/time-entries/${second.body.id}/stop`)).status).toBe(409);

    const { rows } = await platform.db.query(
      `select type from platform.outbox where envelope->'data'->'entry'->>'id' = any($1) order by created_at, id`,
      [[first.body.id, second.body.id]],
    );
    expect(rows.map((row: { type: string }) => row.type)).toEqual([
      'time-entry.started',
      'time-entry.stopped',
      'time-entry.started',
      'time-entry.stopped',
    ]);
  });

  it('keeps one running timer per user when two starts race', async () => {
    const results = await Promise.all([log(admin, { description: 'A' }), log(admin, { description: 'B' })]);
    expect(results.map((result) => result.status)).toEqual([201, 201]);

    const { rows } = await platform.db.query(
      'select count(*)::int as running from taskodex.time_entries where user_id = $1 and ended_at is null and deleted_at is null',
      [admin.userId],
    );
    expect(rows[0].running).toBe(1);
  });

  it('defaults billable from the project and books a task on its project', async () => {
    const project = await post(admin, '/v1/taskodex/projects', {
      key: 'TIMEB',
      name: 'Billable client work',
      billable: true,
      hourlyRate: 100,
    });
    expect(project.status).toBe(201);
    const task = await post(member, '/v1/taskodex/tasks', {
      title: 'Client call',
      projectId: project.body.id,
    });
    expect(task.status).toBe(201);

    const entry = await log(member, {
      taskId: task.body.id,
      startedAt: '2026-11-02T09:00:00Z',
      durationSeconds: 1800,
    });

    expect(entry.status).toBe(201);
    expect(entry.body).toMatchObject({
      taskId: task.body.id,
      projectId: project.body.id,
      billable: true,
      startedAt: '2026-11-02T09:00:00.000Z',
      endedAt: '2026-11-02T09:30:00.000Z',
      durationSeconds: 1800,
      running: false,
    });
    const mismatch = await log(member, {
      taskId: task.body.id,
      projectId: '00000000-0000-4000-8000-000000000000',
      startedAt: '2026-11-02T10:00:00Z',
      durationSeconds: 60,
    });
    expect(mismatch.status).toBe(422);
    expect(fieldsOf(mismatch.body)).toEqual(['body.projectId']);
  });
  it("refuses time on a private project's task that the member cannot see, as if it did not exist", async () => {
    const secret = await post(admin, '/v1/taskodex/projects', {
      key: 'TIMEP',
      name: 'Secret',
      isPrivate: true,
    });
    expect(secret.status).toBe(201);
    const task = await post(admin, '/v1/taskodex/tasks', { title: 'Hidden work', projectId: secret.body.id });
    expect(task.status).toBe(201);
    const body = { startedAt: '2026-11-02T10:00:00Z', durationSeconds: 60 };

    const onTask = await log(member, { ...body, taskId: task.body.id });
    const onProject = await log(member, { ...body, projectId: secret.body.id });

    expect([onTask.status, onTask.body.code]).toEqual([422, 'task_not_found']);
    expect([onProject.status, onProject.body.code]).toEqual([422, 'project_not_found']);
    expect((await log(admin, { ...body, taskId: task.body.id })).status).toBe(201);
  });
});

describe('manual entries: validation', () => {
  it.each([
    [
      'an end before the start',
      { startedAt: '2026-11-02T10:00:00Z', endedAt: '2026-11-02T09:00:00Z' },
      'body.endedAt',
    ],
    [
      'more than 24 hours',
      { startedAt: '2026-11-02T10:00:00Z', endedAt: '2026-11-03T10:00:01Z' },
      'body.endedAt',
    ],
    [
      'both an end and a duration',
      { startedAt: '2026-11-02T10:00:00Z', endedAt: '2026-11-02T11:00:00Z', durationSeconds: 60 },
      'body.durationSeconds',
    ],
    [
      'a duration over a day',
      { startedAt: '2026-11-02T10:00:00Z', durationSeconds: 86_401 },
      'body.durationSeconds',
    ],
    ['a duration with no start', { durationSeconds: 600 }, 'body.startedAt'],
    [
      'a start in the future',
      { startedAt: new Date(Date.now() + 3_600_000).toISOString(), durationSeconds: 60 },
      'body.startedAt',
    ],
    ['an unknown field', { startedAt: '2026-11-02T10:00:00Z', durationSeconds: 60, hours: 1 }, 'body.hours'],
  ])('refuses %s with 400 naming the field', async (_name, body, field) => {
    const response = await log(member, body);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(response.body)).toContain(field);
  });

  it('refuses an unknown task with 422', async () => {
    const response = await log(member, {
      taskId: '00000000-0000-4000-8000-000000000001',
      startedAt: '2026-11-02T10:00:00Z',
      durationSeconds: 60,
    });
    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['body.taskId']);
  });
});

describe('own records', () => {
  it('lets a member change only their own entries (403), while an approver may read them', async () => {
    const theirs = await log(admin, { startedAt: '2026-11-03T08:00:00Z', endedAt: '2026-11-03T09:00:00Z' });
    expect(theirs.status).toBe(201);
    const path = `/v1/taskodex/time-entries/${theirs.body.id}`;

    const patched = await platform.request('PATCH', path, {
      headers: member.headers('acme'),
      body: { version: 1, description: 'Not mine' },
    });
    expect(patched.status).toBe(403);
    expect((await platform.request('DELETE', path, { headers: member.headers('acme') })).status).toBe(403);
    expect((await get(member, path)).status).toBe(403);
    expect((await get(member, `/v1/taskodex/time-entries?userId=${admin.userId}`)).status).toBe(403);

    const mine = await log(member, { startedAt: '2026-11-03T08:00:00Z', endedAt: '2026-11-03T08:45:00Z' });
    expect((await get(admin, `/v1/taskodex/time-entries/${mine.body.id}`)).status).toBe(200);
    const { rows } = await platform.db.query('select description from taskodex.time_entries where id = $1', [
      theirs.body.id,
    ]);
    expect(rows).toEqual([{ description: '' }]);
  });

  it('updates own entries with the version, and deletes them', async () => {
    const entry = await log(member, { startedAt: '2026-11-04T13:00:00Z', endedAt: '2026-11-04T14:00:00Z' });
    const path = `/v1/taskodex/time-entries/${entry.body.id}`;

    const stale = await platform.request('PATCH', path, {
      headers: member.headers('acme'),
      body: { version: 9, description: 'x' },
    });
    expect(stale.status).toBe(409);
    const patched = await platform.request('PATCH', path, {
      headers: { ...member.headers('acme'), 'if-match': '"1"' },
      body: { description: 'Planning', durationSeconds: 5400, billable: true },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      description: 'Planning',
      endedAt: '2026-11-04T14:30:00.000Z',
      durationSeconds: 5400,
      billable: true,
      version: 2,
    });
    const tooLong = await platform.request('PATCH', path, {
      headers: member.headers('acme'),
      body: { version: 2, endedAt: '2026-11-06T14:00:00Z' },
    });
    expect(tooLong.status).toBe(400);
    expect(fieldsOf(tooLong.body)).toEqual(['body.endedAt']);

    expect((await platform.request('DELETE', path, { headers: member.headers('acme') })).status).toBe(204);
    expect((await get(member, path)).status).toBe(404);
  });

  it('lets a viewer read but not track time', async () => {
    expect((await get(viewer, '/v1/taskodex/time-entries')).status).toBe(200);
    expect((await log(viewer, { description: 'Nope' })).status).toBe(403);
  });
});

describe('listing', () => {
  it('filters by dates and billable, pages by cursor without gaps, and shows approvers everyone', async () => {
    const ids: string[] = [];
    for (const [day, billable] of [
      ['28', true],
      ['29', false],
      ['30', true],
    ] as const) {
      ids.push(
        (await log(member, { startedAt: `2026-09-${day}T09:00:00Z`, durationSeconds: 600, billable })).body
          .id,
      );
      ids.push((await log(member, { startedAt: `2026-09-${day}T11:00:00Z`, durationSeconds: 600 })).body.id);
    }
    const theirs = await log(admin, { startedAt: '2026-09-29T10:00:00Z', durationSeconds: 600 });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(
        member,
        `/v1/taskodex/time-entries?from=2026-09-28&to=2026-09-30&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((entry: { id: string }) => entry.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse()); // newest start first

    const billable = await get(
      member,
      '/v1/taskodex/time-entries?from=2026-09-28&to=2026-09-30&billable=true',
    );
    expect(billable.body.items.map((entry: { id: string }) => entry.id)).toEqual([ids[4], ids[0]]);
    const oneDay = await get(
      member,
      '/v1/taskodex/time-entries?from=2026-09-29&to=2026-09-29&sort=startedAt',
    );
    expect(oneDay.body.items.map((entry: { id: string }) => entry.id)).toEqual([ids[2], ids[3]]);

    const everyone = await get(
      admin,
      '/v1/taskodex/time-entries?from=2026-09-29&to=2026-09-29&sort=startedAt',
    );
    expect(everyone.body.items.map((entry: { id: string }) => entry.id)).toEqual([
      ids[2],
      theirs.body.id,
      ids[3],
    ]);
    expect((await get(member, '/v1/taskodex/time-entries?sort=colour')).status).toBe(400);
  });
});

describe('export and invoice locks', () => {
  it('refuses to change an exported entry (409); only approvers mark', async () => {
    const entry = await log(member, { startedAt: '2026-11-05T09:00:00Z', endedAt: '2026-11-05T12:00:00Z' });
    expect(
      (await post(member, '/v1/taskodex/time-entries/mark', { ids: [entry.body.id], as: 'exported' })).status,
    ).toBe(403);

    const marked = await post(admin, '/v1/taskodex/time-entries/mark', {
      ids: [entry.body.id],
      as: 'exported',
    });
    expect(marked.status).toBe(200);
    expect(marked.body.items[0]).toMatchObject({ id: entry.body.id, lockedReason: 'exported' });
    expect(marked.body.items[0].exportedAt).not.toBeNull();

    const path = `/v1/taskodex/time-entries/${entry.body.id}`;
    const patched = await platform.request('PATCH', path, {
      headers: member.headers('acme'),
      body: { version: marked.body.items[0].version, description: 'Changed after export' },
    });
    expect(patched.status).toBe(409);
    expect(patched.body.code).toBe('time_entry_locked');
    expect((await platform.request('DELETE', path, { headers: member.headers('acme') })).status).toBe(409);
  });

  it('marks all or nothing', async () => {
    const entry = await log(member, { startedAt: '2026-11-05T13:00:00Z', endedAt: '2026-11-05T14:00:00Z' });
    const response = await post(admin, '/v1/taskodex/time-entries/mark', {
      ids: [entry.body.id, '00000000-0000-4000-8000-000000000002'],
      as: 'invoiced',
    });
    expect(response.status).toBe(400);
    const { rows } = await platform.db.query('select invoiced_at from taskodex.time_entries where id = $1', [
      entry.body.id,
    ]);
    expect(rows).toEqual([{ invoiced_at: null }]);
  });
});

describe('CSV export of entries', () => {
  it('round-trips a description with a comma, a quote and a line break, and defuses formulas', async () => {
    const tricky = 'Workshop, "kick-off"\nwith the client';
    const a = await log(member, {
      description: tricky,
      startedAt: '2026-10-12T09:00:00Z',
      durationSeconds: 3600,
    });
    const b = await log(member, {
      description: '=HYPERLINK("x")',
      startedAt: '2026-10-12T11:00:00Z',
      durationSeconds: 900,
    });
    expect([a.status, b.status]).toEqual([201, 201]);

    const response = await get(
      member,
      '/v1/taskodex/time-entries?from=2026-10-12&to=2026-10-12&sort=startedAt',
      {
        accept: 'text/csv',
      },
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="time-entries-.*\.csv"$/,
    );
    const [header, ...rows] = parseCsv(response.text);
    expect(header).toEqual([
      'id',
      'user',
      'userId',
      'project',
      'projectId',
      'task',
      'taskId',
      'description',
      'startedAt',
      'endedAt',
      'durationSeconds',
      'hours',
      'billable',
      'tags',
      'lockedReason',
    ]);
    expect(rows).toEqual([
      [
        a.body.id,
        'Maya Member',
        member.userId,
        '',
        '',
        '',
        '',
        tricky,
        a.body.startedAt,
        a.body.endedAt,
        '3600',
        '1.00',
        'false',
        '',
        '',
      ],
      [
        b.body.id,
        'Maya Member',
        member.userId,
        '',
        '',
        '',
        '',
        `'=HYPERLINK("x")`,
        b.body.startedAt,
        b.body.endedAt,
        '900',
        '0.25',
        'false',
        '',
        '',
      ],
    ]);
  });

  it('names the user, the project and the task beside their ids, as a spreadsheet reader needs', async () => {
    const project = await post(admin, '/v1/taskodex/projects', { key: 'CSVT', name: 'CSV, "quoted" client' });
    await post(admin, `/v1/taskodex/projects/${project.body.id}/members`, {
      userId: member.userId,
      role: 'member',
    });
    const task = await post(member, '/v1/taskodex/tasks', {
      title: 'Write the brief',
      projectId: project.body.id,
    });
    const entry = await log(member, {
      taskId: task.body.id,
      startedAt: '2026-10-05T09:00:00Z',
      durationSeconds: 1800,
    });
    expect([project.status, task.status, entry.status]).toEqual([201, 201, 201]);

    const response = await get(member, '/v1/taskodex/time-entries?from=2026-10-05&to=2026-10-05', {
      accept: 'text/csv',
    });

    const [header, ...rows] = parseCsv(response.text);
    const column = (name: string) => rows[0]?.[(header ?? []).indexOf(name)];
    expect(rows).toHaveLength(1);
    expect([
      column('user'),
      column('project'),
      column('projectId'),
      column('task'),
      column('taskId'),
    ]).toEqual([
      'Maya Member',
      'CSVT · CSV, "quoted" client',
      project.body.id,
      `${task.body.identifier} Write the brief`,
      task.body.id,
    ]);
  });
});
