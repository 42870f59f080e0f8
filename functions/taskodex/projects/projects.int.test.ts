import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let admin: Session;
let viewer: Session;
let asMember: Record<string, string>;
let asAdmin: Record<string, string>;

beforeAll(async () => {
  platform = await startTestPlatform();
  // Board tests send bursts of moves; the enterprise tier's throttle leaves room for them.
  await platform.db.query(`update platform.tenants set tier = 'enterprise' where slug = 'acme'`);
  [member, admin, viewer] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('admin@acme.example'),
    platform.login('viewer@acme.example'),
  ]);
  asMember = member.headers('acme');
  asAdmin = admin.headers('acme');
});

afterAll(async () => {
  await platform?.stop();
});

let keyCounter = 0;
/** A fresh project key per test: keys are unique per tenant and the demo seed uses some. */
const nextKey = () => `T${Date.now().toString(36).slice(-5).toUpperCase()}${keyCounter++}`.slice(0, 10);

const KANBAN = [
  { key: 'ideas', name: 'Ideas', colour: '#cccccc', group: 'backlog' },
  { key: 'ready', name: 'Ready', colour: '#3366ff', group: 'unstarted' },
  { key: 'doing', name: 'Doing', colour: '#ffaa00', group: 'started' },
  { key: 'shipped', name: 'Shipped', colour: '#22aa44', group: 'completed' },
  { key: 'dropped', name: 'Dropped', colour: '#aa2222', group: 'cancelled' },
];

async function createProject(body: Record<string, unknown>, headers = asMember) {
  const response = await platform.request('POST', '/v1/taskodex/projects', {
    headers,
    body: { key: nextKey(), name: 'Project', ...body },
  });
  return response;
}

const createTask = (body: Record<string, unknown>, headers = asMember) =>
  platform.request('POST', '/v1/taskodex/tasks', { headers, body });

const move = (taskId: string, body: Record<string, unknown>, headers = asMember) =>
  platform.request('POST', `/v1/taskodex/tasks/${taskId}/move`, { headers, body });

const titles = (body: { items: { title: string }[] }) => body.items.map((task) => task.title);

describe('projects: create, custom workflow and numbering', () => {
  it('creates a project with the default workflow and makes the creator its admin', async () => {
    const key = nextKey();
    const created = await createProject({
      key: key.toLowerCase(),
      name: 'Website relaunch',
      billable: true,
      hourlyRate: 120,
    });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key,
      status: 'active',
      isPrivate: false,
      myRole: 'admin',
      hourlyRate: 120,
    });
    const workflow = await platform.request('GET', `/v1/taskodex/projects/${created.body.id}/workflow`, {
      headers: asMember,
    });
    expect(workflow.body.states.map((state: { key: string }) => state.key)).toEqual([
      'backlog',
      'todo',
      'in_progress',
      'in_review',
      'done',
      'cancelled',
    ]);
    const members = await platform.request('GET', `/v1/taskodex/projects/${created.body.id}/members`, {
      headers: asMember,
    });
    expect(members.body.items).toEqual([expect.objectContaining({ userId: member.userId, role: 'admin' })]);
  });

  it('refuses a duplicate key with 409 and bad fields with 400 naming them', async () => {
    const first = await createProject({});
    const duplicate = await createProject({ key: first.body.key });
    const bad = await platform.request('POST', '/v1/taskodex/projects', {
      headers: asMember,
      body: {
        key: '1X',
        name: '',
        states: [{ key: 'Bad Key', name: 'x', colour: 'red', group: 'started' }],
      },
    });

    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('project_key_taken');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'body.key',
      'body.name',
      'body.states.0.colour',
      'body.states.0.key',
    ]);
  });

  it('numbers 50 concurrently created tasks KEY-1…KEY-50 with no gaps or duplicates', async () => {
    const project = await createProject({ states: KANBAN });

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        createTask({ title: `Task ${index}`, projectId: project.body.id }),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
    const identifiers = responses.map((response) => response.body.identifier as string);
    const expected = Array.from({ length: 50 }, (_, index) => `${project.body.key}-${index + 1}`);
    expect([...identifiers].sort()).toEqual([...expected].sort());
    expect(responses[0]?.body).toMatchObject({ status: 'ideas', statusGroup: 'backlog', completedAt: null });
  });

  it('numbers tasks outside any project per tenant as TASK-n, in the default workflow', async () => {
    const first = await createTask({ title: 'Loose one' });
    const second = await createTask({ title: 'Loose two', status: 'done' });

    const number = (identifier: string) => Number(identifier.replace(/^TASK-/, ''));
    expect(first.body.identifier).toMatch(/^TASK-\d+$/);
    expect(number(second.body.identifier)).toBe(number(first.body.identifier) + 1);
    expect(second.body).toMatchObject({ statusGroup: 'completed', completedAt: expect.any(String) });
  });

  it('validates a task status against the project workflow, naming body.status and the allowed keys', async () => {
    const project = await createProject({ states: KANBAN });

    const response = await createTask({
      title: 'Wrong state',
      projectId: project.body.id,
      status: 'in_progress',
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        field: 'body.status',
        message: expect.stringContaining('ideas, ready, doing'),
      }),
    ]);
  });

  it('refuses to drop a state tasks still use (409 with the count) unless moveTasksTo says where they go', async () => {
    const project = await createProject({ states: KANBAN });
    const path = `/v1/taskodex/projects/${project.body.id}/workflow`;
    const task = await createTask({ title: 'In progress', projectId: project.body.id, status: 'doing' });
    await createTask({ title: 'Also in progress', projectId: project.body.id, status: 'doing' });
    const withoutDoing = KANBAN.filter((state) => state.key !== 'doing');

    const refused = await platform.request('PUT', path, {
      headers: asMember,
      body: { states: withoutDoing },
    });
    const moved = await platform.request('PUT', path, {
      headers: asMember,
      body: { states: withoutDoing, moveTasksTo: { doing: 'shipped' } },
    });

    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/2 tasks still use the state "doing"/);
    expect(moved.status).toBe(200);
    const after = await platform.request('GET', `/v1/taskodex/tasks/${task.body.id}`, { headers: asMember });
    expect(after.body).toMatchObject({
      status: 'shipped',
      statusGroup: 'completed',
      completedAt: expect.any(String),
    });
  });

  it('gives each task a workflow replacement moves the trace of a status change, in the same transaction', async () => {
    const project = await createProject({ states: KANBAN });
    const projectId = project.body.id;
    const make = async (title: string, status: string) =>
      (await createTask({ title, projectId, status })).body as { id: string; version: number };
    const waiting = await make('Waiting', 'ready');
    const first = await make('Doing 1', 'doing');
    const second = await make('Doing 2', 'doing');
    const shipped = await make('Shipped', 'shipped');
    const released = { key: 'released', name: 'Released', colour: '#118833', group: 'completed' };
    const states = [...KANBAN.filter((state) => !['doing', 'shipped'].includes(state.key)), released];
    const since = new Date(); // events are dated by this process's clock

    const replaced = await platform.request('PUT', `/v1/taskodex/projects/${projectId}/workflow`, {
      headers: asMember,
      body: { states, moveTasksTo: { doing: 'released', shipped: 'ready' } },
    });

    expect(replaced.status).toBe(200);
    const read = async (id: string) =>
      (await platform.request('GET', `/v1/taskodex/tasks/${id}`, { headers: asMember })).body;
    // Into a completed state: completedAt set; out of one: cleared. One version up, end of the new column.
    expect(await read(first.id)).toMatchObject({
      status: 'released',
      statusGroup: 'completed',
      completedAt: expect.any(String),
      version: first.version + 1,
    });
    expect(await read(second.id)).toMatchObject({ status: 'released', version: second.version + 1 });
    expect(await read(shipped.id)).toMatchObject({
      status: 'ready',
      statusGroup: 'unstarted',
      completedAt: null,
      version: shipped.version + 1,
    });
    expect(await read(waiting.id)).toMatchObject({ status: 'ready', version: waiting.version });
    const column = async (status: string) =>
      titles(
        (
          await platform.request(
            'GET',
            `/v1/taskodex/tasks?projectId=${projectId}&status=${status}&sort=position`,
            {
              headers: asMember,
            },
          )
        ).body,
      );
    expect(await column('ready')).toEqual(['Waiting', 'Shipped']);
    expect(await column('released')).toEqual(['Doing 1', 'Doing 2']);

    const moved = [first.id, second.id, shipped.id];
    const activity = await platform.db.query(
      `select task_id, actor_id, from_value as from, to_value as to from taskodex.task_activity
        where task_id = any($1::uuid[]) and kind = 'updated' and field = 'status'`,
      [[...moved, waiting.id]],
    );
    expect(activity.rows).toHaveLength(3);
    expect(activity.rows).toEqual(
      expect.arrayContaining([
        { task_id: first.id, actor_id: member.userId, from: 'doing', to: 'released' },
        { task_id: second.id, actor_id: member.userId, from: 'doing', to: 'released' },
        { task_id: shipped.id, actor_id: member.userId, from: 'shipped', to: 'ready' },
      ]),
    );
    const { rows } = await platform.db.query(
      `select type, envelope->'data' as data, envelope->'actor'->>'id' as actor from platform.outbox
        where created_at >= $2
          and coalesce(envelope->'data'->'task'->>'id', envelope->'data'->>'taskId') = any($1::text[])
        order by created_at, id`,
      [[...moved, waiting.id], since],
    );
    const ofTask = (id: string) =>
      rows.filter(
        (row: { data: { task?: { id: string }; taskId?: string } }) =>
          (row.data.task?.id ?? row.data.taskId) === id,
      );
    expect(ofTask(waiting.id)).toEqual([]);
    expect(rows.every((row: { actor: string }) => row.actor === member.userId)).toBe(true);
    expect(ofTask(first.id).map((row: { type: string }) => row.type)).toEqual([
      'task.updated',
      'task.status_changed',
      'task.completed',
    ]);
    expect(ofTask(first.id)[0].data).toMatchObject({
      task: { id: first.id, status: 'released', completedAt: expect.any(String), version: first.version + 1 },
      changes: ['status'],
    });
    expect(ofTask(first.id)[1].data).toMatchObject({ from: 'doing', to: 'released' });
    expect(ofTask(shipped.id).map((row: { type: string }) => row.type)).toEqual([
      'task.updated',
      'task.status_changed',
    ]);
    expect(ofTask(shipped.id)[0].data).toMatchObject({
      task: { status: 'ready', completedAt: null },
      changes: ['status', 'position'],
    });
  });

  it('lets only project admins change the project (403 for other members)', async () => {
    const project = await createProject({}, asAdmin);
    const path = `/v1/taskodex/projects/${project.body.id}`;

    const byMember = await platform.request('PATCH', path, {
      headers: asMember,
      body: { version: 1, name: 'Mine' },
    });
    const byAdmin = await platform.request('PATCH', path, {
      headers: asAdmin,
      body: { version: 1, name: 'Renamed' },
    });
    const stale = await platform.request('PATCH', path, {
      headers: asAdmin,
      body: { version: 1, name: 'Again' },
    });

    expect(byMember.status).toBe(403);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ name: 'Renamed', version: 2 });
    expect(stale.status).toBe(409);
  });

  it('archives and restores; an archived project is left out of the list and its tasks are frozen', async () => {
    const project = await createProject({ name: 'Old stuff' });
    const task = await createTask({ title: 'Leftover', projectId: project.body.id });
    const base = `/v1/taskodex/projects/${project.body.id}`;

    const archived = await platform.request('POST', `${base}/archive`, { headers: asMember });
    const list = await platform.request('GET', '/v1/taskodex/projects?limit=100', { headers: asMember });
    const change = await platform.request('PATCH', `/v1/taskodex/tasks/${task.body.id}`, {
      headers: asMember,
      body: { version: 1, title: 'Changed' },
    });
    const restored = await platform.request('POST', `${base}/restore`, { headers: asMember });

    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ status: 'archived', archivedAt: expect.any(String) });
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(project.body.id);
    expect(change.status).toBe(422);
    expect(restored.body).toMatchObject({ status: 'active', archivedAt: null });
    const { rows } = await platform.db.query(
      "select type from platform.outbox where envelope->'data'->'project'->>'id' = $1 order by created_at, id",
      [project.body.id],
    );
    expect(rows.map((row: { type: string }) => row.type)).toEqual([
      'project.created',
      'project.archived',
      'project.restored',
    ]);
  });
});

describe('tasks on the board', () => {
  it('sets completedAt on entering a completed-group state and clears it on leaving', async () => {
    const project = await createProject({ states: KANBAN });
    const task = await createTask({ title: 'Ship it', projectId: project.body.id });
    const id = task.body.id;

    const doing = await move(id, { status: 'doing' });
    const shipped = await move(id, { status: 'shipped' });
    const reopened = await move(id, { status: 'ready' });

    expect(doing.body).toMatchObject({ status: 'doing', statusGroup: 'started', completedAt: null });
    expect(shipped.body).toMatchObject({
      status: 'shipped',
      statusGroup: 'completed',
      completedAt: expect.any(String),
    });
    expect(reopened.body).toMatchObject({ status: 'ready', statusGroup: 'unstarted', completedAt: null });
  });

  it('reorders within a state: after one card, before another, and to the end', async () => {
    const project = await createProject({ states: KANBAN });
    const ids: string[] = [];
    for (const title of ['A', 'B', 'C', 'D'])
      ids.push((await createTask({ title, projectId: project.body.id, status: 'ready' })).body.id);
    const [a, b, c, d] = ids as [string, string, string, string];
    const column = () =>
      platform.request('GET', `/v1/taskodex/tasks?projectId=${project.body.id}&status=ready&sort=position`, {
        headers: asMember,
      });

    const first = await column();
    await move(d, { afterId: a });
    const afterMove = await column();
    await move(a, { beforeId: c });
    const beforeMove = await column();
    await move(b, {});
    const toEnd = await column();

    expect(titles(first.body)).toEqual(['A', 'B', 'C', 'D']);
    expect(titles(afterMove.body)).toEqual(['A', 'D', 'B', 'C']);
    expect(titles(beforeMove.body)).toEqual(['D', 'B', 'A', 'C']);
    expect(titles(toEnd.body)).toEqual(['D', 'A', 'C', 'B']);
    const wrongColumn = await move(c, {
      afterId: (await createTask({ title: 'E', projectId: project.body.id })).body.id,
    });
    expect(wrongColumn.status).toBe(422);
    expect(wrongColumn.body.errors[0].field).toBe('body.afterId');
  });

  it('keeps many moves between the same neighbours in order (the column is spread out when it runs out of room)', async () => {
    const project = await createProject({ states: KANBAN });
    const first = await createTask({ title: 'first', projectId: project.body.id, status: 'ready' });
    const last = await createTask({ title: 'last', projectId: project.body.id, status: 'ready' });
    const inserted: string[] = [];
    for (let index = 0; index < 60; index++) {
      const task = await createTask({ title: `n${index}`, projectId: project.body.id, status: 'ready' });
      // Always right below "first": each new card lands above the previous one.
      const moved = await move(task.body.id, { afterId: first.body.id });
      expect(moved.status).toBe(200);
      inserted.unshift(`n${index}`);
    }

    const column = await platform.request(
      'GET',
      `/v1/taskodex/tasks?projectId=${project.body.id}&status=ready&sort=position&limit=100`,
      { headers: asMember },
    );

    expect(titles(column.body)).toEqual(['first', ...inserted, 'last']);
    expect(last.status).toBe(201);
  });

  it('pages a column by position with a cursor', async () => {
    const project = await createProject({});
    for (let index = 0; index < 5; index++)
      await createTask({ title: `P${index}`, projectId: project.body.id });
    const path = `/v1/taskodex/tasks?projectId=${project.body.id}&sort=position&limit=2`;

    const one = await platform.request('GET', path, { headers: asMember });
    const two = await platform.request('GET', `${path}&cursor=${one.body.nextCursor}`, { headers: asMember });

    expect(titles(one.body)).toEqual(['P0', 'P1']);
    expect(titles(two.body)).toEqual(['P2', 'P3']);
  });
});

describe('sub-tasks and the activity timeline', () => {
  it('creates sub-tasks, lists them by parentId and refuses cycles and other projects', async () => {
    const project = await createProject({});
    const other = await createProject({});
    const parent = await createTask({ title: 'Epic', projectId: project.body.id });
    const child = await createTask({ title: 'Child', projectId: project.body.id, parentId: parent.body.id });
    const grandchild = await createTask({
      title: 'Grandchild',
      projectId: project.body.id,
      parentId: child.body.id,
    });

    const children = await platform.request('GET', `/v1/taskodex/tasks?parentId=${parent.body.id}`, {
      headers: asMember,
    });
    const cycle = await platform.request('PATCH', `/v1/taskodex/tasks/${parent.body.id}`, {
      headers: asMember,
      body: { version: 1, parentId: grandchild.body.id },
    });
    const elsewhere = await createTask({
      title: 'Stray',
      projectId: other.body.id,
      parentId: parent.body.id,
    });

    expect(child.body.parentId).toBe(parent.body.id);
    expect(titles(children.body)).toEqual(['Child']);
    expect(cycle.status).toBe(422);
    expect(cycle.body.errors[0]).toMatchObject({ field: 'body.parentId', code: 'parent_cycle' });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors[0]).toMatchObject({ field: 'body.parentId', code: 'parent_other_project' });
  });

  it('records who changed which field from what to what, oldest first', async () => {
    const project = await createProject({});
    const task = await createTask({ title: 'Tracked', projectId: project.body.id });
    const path = `/v1/taskodex/tasks/${task.body.id}`;

    await platform.request('PATCH', path, {
      headers: asMember,
      body: { version: 1, title: 'Tracked, renamed', priority: 'high' },
    });
    await platform.request('PATCH', path, {
      headers: asMember,
      body: { version: 2, assigneeId: member.userId },
    });
    await move(task.body.id, { status: 'done' });
    const activity = await platform.request('GET', `${path}/activity?limit=100`, { headers: asMember });

    expect(activity.status).toBe(200);
    const entries = activity.body.items.map((entry: Record<string, unknown>) => [
      entry.kind,
      entry.field,
      entry.from,
      entry.to,
    ]);
    expect(entries).toEqual([
      ['created', null, null, { identifier: `${project.body.key}-1`, title: 'Tracked', status: 'backlog' }],
      ['updated', 'title', 'Tracked', 'Tracked, renamed'],
      ['updated', 'priority', 'none', 'high'],
      ['updated', 'assigneeId', null, member.userId],
      // Alone in both columns, the task keeps position 1024: no position entry.
      ['updated', 'status', 'backlog', 'done'],
    ]);
    expect(activity.body.items.every((entry: { actorId: string }) => entry.actorId === member.userId)).toBe(
      true,
    );
    const newest = await platform.request('GET', `${path}/activity?order=desc&limit=1`, {
      headers: asMember,
    });
    expect(newest.body.items[0].field).toBe('status');
    const next = await platform.request(
      'GET',
      `${path}/activity?order=desc&limit=1&cursor=${newest.body.nextCursor}`,
      {
        headers: asMember,
      },
    );
    expect(next.body.items[0].field).toBe('assigneeId');
  });

  it('renumbers a task moved to another project and keeps the old number free of reuse', async () => {
    const from = await createProject({});
    const to = await createProject({ states: KANBAN });
    const task = await createTask({ title: 'Mover', projectId: from.body.id, status: 'in_progress' });

    const moved = await platform.request('PATCH', `/v1/taskodex/tasks/${task.body.id}`, {
      headers: asMember,
      body: { version: 1, projectId: to.body.id },
    });
    const next = await createTask({ title: 'Next', projectId: from.body.id });

    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ identifier: `${to.body.key}-1`, status: 'doing' });
    expect(next.body.identifier).toBe(`${from.body.key}-2`);
  });
});

describe('private projects', () => {
  it('hides a private project and its tasks (404) from tenant members outside it; admins see them', async () => {
    const project = await createProject({ name: 'Secret merger', isPrivate: true }, asAdmin);
    const task = await createTask({ title: 'Due diligence', projectId: project.body.id }, asAdmin);

    const projectAsMember = await platform.request('GET', `/v1/taskodex/projects/${project.body.id}`, {
      headers: asMember,
    });
    const taskAsMember = await platform.request('GET', `/v1/taskodex/tasks/${task.body.id}`, {
      headers: asMember,
    });
    const changeAsMember = await platform.request('PATCH', `/v1/taskodex/tasks/${task.body.id}`, {
      headers: asMember,
      body: { version: 1, title: 'peek' },
    });
    const activityAsMember = await platform.request('GET', `/v1/taskodex/tasks/${task.body.id}/activity`, {
      headers: asMember,
    });
    const listAsMember = await platform.request('GET', `/v1/taskodex/tasks?projectId=${project.body.id}`, {
      headers: asMember,
    });
    const projectsAsMember = await platform.request('GET', '/v1/taskodex/projects?limit=100', {
      headers: asMember,
    });
    const createAsMember = await createTask({ title: 'Sneak in', projectId: project.body.id });
    const owner = await platform.login('owner@acme.example');
    const taskAsOwner = await platform.request('GET', `/v1/taskodex/tasks/${task.body.id}`, {
      headers: owner.headers('acme'),
    });

    expect([
      projectAsMember.status,
      taskAsMember.status,
      changeAsMember.status,
      activityAsMember.status,
    ]).toEqual([404, 404, 404, 404]);
    expect(listAsMember.body.items).toEqual([]);
    expect(projectsAsMember.body.items.map((item: { id: string }) => item.id)).not.toContain(project.body.id);
    expect(createAsMember.status).toBe(422);
    expect(createAsMember.body.errors[0].field).toBe('body.projectId');
    expect(taskAsOwner.status).toBe(200);
  });

  it('shows it once the member is added, and only project members can be assigned', async () => {
    const project = await createProject({ isPrivate: true }, asAdmin);
    const task = await createTask({ title: 'Needs a hand', projectId: project.body.id }, asAdmin);
    const refused = await platform.request('PATCH', `/v1/taskodex/tasks/${task.body.id}`, {
      headers: asAdmin,
      body: { version: 1, assigneeId: member.userId },
    });

    const added = await platform.request('POST', `/v1/taskodex/projects/${project.body.id}/members`, {
      headers: asAdmin,
      body: { userId: member.userId, role: 'member' },
    });
    const visible = await platform.request('GET', `/v1/taskodex/tasks/${task.body.id}`, {
      headers: asMember,
    });
    const assigned = await platform.request('PATCH', `/v1/taskodex/tasks/${task.body.id}`, {
      headers: asAdmin,
      body: { version: 1, assigneeId: member.userId },
    });

    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({
      field: 'body.assigneeId',
      code: 'assignee_not_project_member',
    });
    expect(added.status).toBe(201);
    expect(visible.status).toBe(200);
    expect(assigned.status).toBe(200);
  });

  it('keeps project viewers read-only and keeps the last admin', async () => {
    const project = await createProject({}, asAdmin);
    const base = `/v1/taskodex/projects/${project.body.id}/members`;
    await platform.request('POST', base, {
      headers: asAdmin,
      body: { userId: member.userId, role: 'viewer' },
    });

    const write = await createTask({ title: 'As a project viewer', projectId: project.body.id });
    const demoteLast = await platform.request('PATCH', `${base}/${admin.userId}`, {
      headers: asAdmin,
      body: { role: 'member' },
    });
    const leave = await platform.request('DELETE', `${base}/${member.userId}`, { headers: asMember });
    const viewerCreates = await createProject({}, viewer.headers('acme'));

    expect(write.status).toBe(403);
    expect(demoteLast.status).toBe(422);
    expect(demoteLast.body.code).toBe('last_admin');
    expect(leave.status).toBe(204);
    expect(viewerCreates.status).toBe(403);
  });
});

describe('demo data', () => {
  it('seeds Acme with WEB, MOB and a private OPS project, numbered tasks and sub-tasks', async () => {
    const asOwner = (await platform.login('owner@acme.example')).headers('acme');
    const all = await platform.request('GET', '/v1/taskodex/projects?limit=100&sort=key', {
      headers: asOwner,
    });
    const mine = await platform.request('GET', '/v1/taskodex/projects?limit=100', { headers: asMember });
    const demo = all.body.items.filter((project: { key: string }) =>
      ['WEB', 'MOB', 'OPS'].includes(project.key),
    );
    const web = demo.find((project: { key: string }) => project.key === 'WEB');
    const tasks = await platform.request(
      'GET',
      `/v1/taskodex/tasks?projectId=${web.id}&limit=100&sort=position`,
      {
        headers: asMember,
      },
    );

    expect(
      demo.map((project: { key: string; isPrivate: boolean }) => [project.key, project.isPrivate]),
    ).toEqual([
      ['MOB', false],
      ['OPS', true],
      ['WEB', false],
    ]);
    expect(mine.body.items.map((project: { key: string }) => project.key)).not.toContain('OPS');
    expect(tasks.body.items.map((task: { identifier: string }) => task.identifier)).toContain('WEB-1');
    expect(
      new Set(tasks.body.items.map((task: { statusGroup: string }) => task.statusGroup)).size,
    ).toBeGreaterThan(3);
    expect(tasks.body.items.filter((task: { parentId: string | null }) => task.parentId)).toHaveLength(3);
  });

  it('gives the demo tasks a past: created over days, completed before today, with a timeline', async () => {
    const { rows } = await platform.db.query(
      `select count(distinct t.created_at::date)::int as days,
              bool_and(t.completed_at is null or t.completed_at < now() - interval '1 hour') as completed_in_past,
              bool_and(exists (select 1 from taskodex.task_activity a
                                where a.task_id = t.id and a.kind = 'created')) as all_have_created
         from taskodex.tasks t join taskodex.projects p on p.id = t.project_id
         join platform.tenants n on n.id = t.tenant_id
        where n.slug = 'acme' and p.key = 'WEB'`,
    );
    const done = await platform.db.query(
      `select a.from_value as from, a.to_value as to from taskodex.task_activity a
         join taskodex.tasks t on t.id = a.task_id join taskodex.projects p on p.id = t.project_id
        where p.key = 'WEB' and t.sequence = 1 and a.kind = 'updated' and a.field = 'status'`,
    );

    expect(rows[0]).toEqual({ days: expect.any(Number), completed_in_past: true, all_have_created: true });
    expect(rows[0].days).toBeGreaterThan(3);
    expect(done.rows).toEqual([{ from: 'backlog', to: 'done' }]);
  });
});
