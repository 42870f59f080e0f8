import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let viewer: Session;
let globexOwner: Session;
let acme: Record<string, string>;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, viewer, globexOwner] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  acme = member.headers('acme');
});

afterAll(async () => {
  await platform?.stop();
});

const createTask = (body: Record<string, unknown>, headers = acme) =>
  platform.request('POST', '/v1/taskodex/tasks', { headers, body });

describe('tasks: create, read, update, delete as a member', () => {
  it('creates a task with defaults and stores it in the tenant', async () => {
    const response = await createTask({
      title: '  Ship the slice  ',
      labels: ['api', 'api', 'backend'],
      dueDate: '2026-12-24',
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      title: 'Ship the slice',
      status: 'backlog',
      priority: 'none',
      labels: ['api', 'backend'],
      dueDate: '2026-12-24',
      assigneeId: null,
      version: 1,
    });
    expect(response.headers.get('location')).toBe(`/v1/taskodex/tasks/${response.body.id}`);
    const { rows } = await platform.db.query(
      'select tenant_id, created_by from taskodex.tasks where id = $1',
      [response.body.id],
    );
    expect(rows).toEqual([{ tenant_id: member.tenants[0]?.id, created_by: response.body.createdBy }]);
  });

  it('reads a task back with its ETag', async () => {
    const created = await createTask({ title: 'Read me', priority: 'high' });

    const response = await platform.request('GET', `/v1/taskodex/tasks/${created.body.id}`, {
      headers: acme,
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual(created.body);
    expect(response.headers.get('etag')).toBe('"1"');
  });

  it('updates with the current version and bumps it', async () => {
    const created = await createTask({ title: 'Change me' });

    const response = await platform.request('PATCH', `/v1/taskodex/tasks/${created.body.id}`, {
      headers: acme,
      body: { version: 1, status: 'in_progress', priority: 'urgent', dueDate: null },
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'in_progress',
      priority: 'urgent',
      version: 2,
      title: 'Change me',
    });
  });

  it('rejects a stale version with 409 and leaves the row alone', async () => {
    const created = await createTask({ title: 'Contended' });
    const path = `/v1/taskodex/tasks/${created.body.id}`;
    await platform.request('PATCH', path, { headers: acme, body: { version: 1, title: 'First writer' } });

    const stale = await platform.request('PATCH', path, {
      headers: acme,
      body: { version: 1, title: 'Second writer' },
    });

    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toBe('application/problem+json');
    expect(stale.body).toMatchObject({ status: 409, code: 'version_conflict' });
    const { rows } = await platform.db.query('select title, version from taskodex.tasks where id = $1', [
      created.body.id,
    ]);
    expect(rows).toEqual([{ title: 'First writer', version: 2 }]);
  });

  it('accepts the version as If-Match instead of in the body', async () => {
    const created = await createTask({ title: 'Etag flow' });

    const response = await platform.request('PATCH', `/v1/taskodex/tasks/${created.body.id}`, {
      headers: { ...acme, 'if-match': '"1"' },
      body: { title: 'Etag flow, changed' },
    });

    expect(response.status).toBe(200);
    expect(response.body.version).toBe(2);
  });

  it('requires a version one way or the other', async () => {
    const created = await createTask({ title: 'No version' });

    const response = await platform.request('PATCH', `/v1/taskodex/tasks/${created.body.id}`, {
      headers: acme,
      body: { title: 'Blind write' },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body.version' })]);
  });

  it('deletes softly: 204, then 404, and the row remains for history', async () => {
    const created = await createTask({ title: 'Delete me' });
    const path = `/v1/taskodex/tasks/${created.body.id}`;

    const deleted = await platform.request('DELETE', path, { headers: acme });
    const after = await platform.request('GET', path, { headers: acme });
    const again = await platform.request('DELETE', path, { headers: acme });

    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(after.status).toBe(404);
    expect(again.status).toBe(404);
    const { rows } = await platform.db.query(
      'select deleted_at is not null as deleted from taskodex.tasks where id = $1',
      [created.body.id],
    );
    expect(rows).toEqual([{ deleted: true }]);
  });

  it('accepts an assignee who is a member and refuses one who is not', async () => {
    const assigned = await createTask({ title: 'For me', assigneeId: member.userId });
    const stranger = await createTask({ title: 'For a stranger', assigneeId: globexOwner.userId });

    expect(assigned.status).toBe(201);
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'body.assigneeId' })]);
  });
});

describe('tasks: listing', () => {
  it('pages through every task with a cursor, newest first, without repeats', async () => {
    const label = `paging-${Date.now()}`;
    for (let index = 0; index < 7; index++) await createTask({ title: `Paged ${index}`, labels: [label] });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?label=${label}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await platform.request('GET', `/v1/taskodex/tasks${query}`, { headers: acme });
      expect(response.status).toBe(200);
      seen.push(...response.body.items.map((task: { title: string }) => task.title));
      cursor = response.body.nextCursor;
      pages++;
    } while (cursor);

    expect(pages).toBe(3);
    expect(seen).toEqual(['Paged 6', 'Paged 5', 'Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);
  });

  it('filters by status and priority lists and sorts by priority then due date', async () => {
    const label = `filter-${Date.now()}`;
    await createTask({ title: 'Low todo', status: 'todo', priority: 'low', labels: [label] });
    await createTask({
      title: 'Urgent todo',
      status: 'todo',
      priority: 'urgent',
      labels: [label],
      dueDate: '2026-12-02',
    });
    await createTask({
      title: 'Urgent todo sooner',
      status: 'todo',
      priority: 'urgent',
      labels: [label],
      dueDate: '2026-12-01',
    });
    await createTask({ title: 'Urgent done', status: 'done', priority: 'urgent', labels: [label] });

    const response = await platform.request(
      'GET',
      `/v1/taskodex/tasks?label=${label}&status=todo,in_progress&priority=urgent,low&sort=priority,dueDate`,
      { headers: acme },
    );

    expect(response.status).toBe(200);
    expect(response.body.items.map((task: { title: string }) => task.title)).toEqual([
      'Urgent todo sooner',
      'Urgent todo',
      'Low todo',
    ]);
  });

  it('finds tasks by words in the title or description, by prefix', async () => {
    await createTask({ title: 'Quarterly zeppelin maintenance', description: 'Check the helium valves' });

    const byTitle = await platform.request('GET', '/v1/taskodex/tasks?q=zeppel', { headers: acme });
    const byDescription = await platform.request('GET', '/v1/taskodex/tasks?q=helium%20valv', {
      headers: acme,
    });

    expect(byTitle.body.items.map((task: { title: string }) => task.title)).toEqual([
      'Quarterly zeppelin maintenance',
    ]);
    expect(byDescription.body.items).toHaveLength(1);
  });

  it('finds a task by its number, as typed into a search box (any case)', async () => {
    const projects = await platform.request('GET', '/v1/taskodex/projects?q=WEB', { headers: acme });
    const web = projects.body.items.find((project: { key: string }) => project.key === 'WEB');
    const created = await createTask({ title: 'Numbered search target', projectId: web.id });
    const outside = await createTask({ title: 'Outside any project' });

    const byNumber = await platform.request(
      'GET',
      `/v1/taskodex/tasks?q=${created.body.identifier.toLowerCase()}`,
      {
        headers: acme,
      },
    );
    const byTaskNumber = await platform.request('GET', `/v1/taskodex/tasks?q=${outside.body.identifier}`, {
      headers: acme,
    });
    const noSuchProject = await platform.request('GET', '/v1/taskodex/tasks?q=NOPE-1', { headers: acme });

    expect(byNumber.body.items.map((task: { id: string }) => task.id)).toEqual([created.body.id]);
    expect(byTaskNumber.body.items.map((task: { id: string }) => task.id)).toEqual([outside.body.id]);
    expect([noSuchProject.status, noSuchProject.body.items]).toEqual([200, []]);
  });

  it('sorts a project by task number, both ways, across pages', async () => {
    const projects = await platform.request('GET', '/v1/taskodex/projects?q=MOB', { headers: acme });
    const mob = projects.body.items.find((project: { key: string }) => project.key === 'MOB');
    const numbers = async (sort: string) => {
      const seen: number[] = [];
      let cursor = '';
      do {
        const page = await platform.request(
          'GET',
          `/v1/taskodex/tasks?projectId=${mob.id}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          { headers: acme },
        );
        expect(page.status).toBe(200);
        seen.push(
          ...page.body.items.map((task: { identifier: string }) => Number(task.identifier.split('-')[1])),
        );
        cursor = page.body.nextCursor ?? '';
      } while (cursor);
      return seen;
    };

    const ascending = await numbers('number');
    const descending = await numbers('-number');

    expect(ascending.length).toBeGreaterThan(3);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(descending).toEqual([...ascending].reverse());
  });

  it('answers an empty page, not an error, when nothing matches', async () => {
    const response = await platform.request('GET', '/v1/taskodex/tasks?q=nothingmatchesthis', {
      headers: acme,
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [], nextCursor: null });
  });

  it('rejects unknown sort fields, bad limits, foreign cursors and unknown parameters with 400', async () => {
    const badSort = await platform.request('GET', '/v1/taskodex/tasks?sort=password', { headers: acme });
    const badLimit = await platform.request('GET', '/v1/taskodex/tasks?limit=1000', { headers: acme });
    const badCursor = await platform.request('GET', '/v1/taskodex/tasks?cursor=bm9wZQ', { headers: acme });
    const unknown = await platform.request('GET', '/v1/taskodex/tasks?colour=red', { headers: acme });

    expect(badSort.status).toBe(400);
    expect(badSort.body.errors[0].field).toBe('query.sort');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.errors[0].field).toBe('query.limit');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].field).toBe('query.cursor');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('query.colour');
  });
});

describe('tasks: access control and isolation', () => {
  it('lets a viewer read but not create (403)', async () => {
    const list = await platform.request('GET', '/v1/taskodex/tasks', { headers: viewer.headers('acme') });
    const create = await createTask({ title: 'Viewer attempt' }, viewer.headers('acme'));

    expect(list.status).toBe(200);
    expect(create.status).toBe(403);
    expect(create.body.detail).toMatch(/taskodex:task:write/);
  });

  it('answers 404 to another tenant reading, changing or deleting an Acme task', async () => {
    const created = await createTask({ title: 'Acme secret' });
    const path = `/v1/taskodex/tasks/${created.body.id}`;
    const globex = globexOwner.headers('globex');

    const read = await platform.request('GET', path, { headers: globex });
    const change = await platform.request('PATCH', path, {
      headers: globex,
      body: { version: 1, title: 'pwned' },
    });
    const remove = await platform.request('DELETE', path, { headers: globex });
    const list = await platform.request('GET', '/v1/taskodex/tasks?q=acme%20secret', { headers: globex });

    expect([read.status, change.status, remove.status]).toEqual([404, 404, 404]);
    expect(list.body.items).toEqual([]);
    const still = await platform.request('GET', path, { headers: acme });
    expect(still.body).toMatchObject({ title: 'Acme secret', version: 1 });
  });
});

describe('tasks: bad input gets a 4xx problem, never a 5xx', () => {
  it('names a field of the wrong type and an unknown field', async () => {
    const response = await createTask({ title: 42, colour: 'red' });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'body.colour',
      'body.title',
    ]);
  });

  it('rejects malformed JSON with 400', async () => {
    const response = await platform.request('POST', '/v1/taskodex/tasks', {
      headers: acme,
      rawBody: '{"title": "oops",',
    });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });

  it('rejects a 2 MB body with 413 and writes nothing', async () => {
    const before = await platform.db.query('select count(*)::int as n from taskodex.tasks');

    const response = await createTask({ title: 'Huge', description: 'x'.repeat(2 * 1024 * 1024) });

    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
    const after = await platform.db.query('select count(*)::int as n from taskodex.tasks');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('rejects a non-uuid task id and an impossible date with 400', async () => {
    const badId = await platform.request('GET', '/v1/taskodex/tasks/not-a-uuid', { headers: acme });
    const badDate = await createTask({ title: 'Leap', dueDate: '2026-02-30' });

    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].field).toBe('params.taskId');
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0].field).toBe('body.dueDate');
  });

  it('rejects a PATCH that changes nothing', async () => {
    const created = await createTask({ title: 'Unchanged' });

    const response = await platform.request('PATCH', `/v1/taskodex/tasks/${created.body.id}`, {
      headers: acme,
      body: { version: 1 },
    });

    expect(response.status).toBe(400);
  });
});
