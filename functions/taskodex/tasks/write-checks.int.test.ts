import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The checks a task write reads in one statement (write-context.ts) and the
 * events it records in one insert: every rule keeps its answer, and the
 * outbox holds the same events in the same order as one insert each did.
 */
let platform: TestPlatform;
let member: Session;
let admin: Session;
let owner: Session;
let outsider: Session;
let asMember: Record<string, string>;
let asAdmin: Record<string, string>;
let asOwner: Record<string, string>;

beforeAll(async () => {
  platform = await startTestPlatform();
  await platform.db.query(`update platform.tenants set tier = 'enterprise' where slug = 'acme'`);
  [member, admin, owner, outsider] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('admin@acme.example'),
    platform.login('owner@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  asMember = member.headers('acme');
  asAdmin = admin.headers('acme');
  asOwner = owner.headers('acme');
});

afterAll(async () => {
  await platform?.stop();
});

let keys = 0;
const nextKey = () => `W${Date.now().toString(36).slice(-5).toUpperCase()}${keys++}`.slice(0, 10);

async function project(body: Record<string, unknown>, headers: Record<string, string>) {
  const response = await platform.request('POST', '/v1/taskodex/projects', {
    headers,
    body: { key: nextKey(), name: 'Checks', ...body },
  });
  expect(response.status).toBe(201);
  return response.body as { id: string; key: string };
}

const create = (body: Record<string, unknown>, headers = asMember) =>
  platform.request('POST', '/v1/taskodex/tasks', { headers, body });

/** The outbox rows about these tasks, in the order they were written. */
async function eventsOf(taskIds: string[]) {
  const { rows } = await platform.db.query(
    `select type, coalesce(envelope->'data'->>'taskId', envelope->'data'->'task'->>'id') as task_id,
            (envelope->>'occurredAt')::timestamptz = created_at as stamped
       from platform.outbox
      where coalesce(envelope->'data'->>'taskId', envelope->'data'->'task'->>'id') = any($1::text[])
      order by id`,
    [taskIds],
  );
  return rows as { type: string; task_id: string; stamped: boolean }[];
}

describe('task writes: the checks read in one statement keep their answers', () => {
  it('refuses an archived project, a viewer, a hidden project and an assignee from another tenant', async () => {
    const archived = await project({}, asMember);
    await platform.request('POST', `/v1/taskodex/projects/${archived.id}/archive`, { headers: asMember });
    const viewed = await project({}, asAdmin);
    await platform.request('POST', `/v1/taskodex/projects/${viewed.id}/members`, {
      headers: asAdmin,
      body: { userId: member.userId, role: 'viewer' },
    });
    const hidden = await project({ isPrivate: true }, asOwner);

    const intoArchived = await create({ title: 'x', projectId: archived.id });
    const asViewer = await create({ title: 'x', projectId: viewed.id });
    const intoHidden = await create({ title: 'x', projectId: hidden.id });
    const foreignAssignee = await create({ title: 'x', assigneeId: outsider.userId });
    const byTaskodexAdmin = await create({ title: 'x', projectId: hidden.id }, asAdmin);

    expect(intoArchived.status).toBe(422);
    expect(intoArchived.body.errors[0]).toMatchObject({ field: 'body.projectId', code: 'project_archived' });
    expect(asViewer.status).toBe(403);
    expect(intoHidden.status).toBe(422);
    expect(intoHidden.body.errors[0]).toMatchObject({ field: 'body.projectId', code: 'project_not_found' });
    expect(foreignAssignee.status).toBe(422);
    expect(foreignAssignee.body.errors[0]).toMatchObject({
      field: 'body.assigneeId',
      code: 'assignee_not_member',
    });
    expect(byTaskodexAdmin.status).toBe(201);
    expect(byTaskodexAdmin.body.identifier).toBe(`${hidden.key}-1`);
  });

  it('treats a parent in a project the caller cannot see as missing, and one elsewhere as another project', async () => {
    const hidden = await project({ isPrivate: true }, asOwner);
    const secret = await create({ title: 'Secret parent', projectId: hidden.id }, asOwner);
    const open = await project({}, asMember);
    const loose = await create({ title: 'No project' });

    const underSecret = await create({ title: 'child', parentId: secret.body.id });
    const acrossProjects = await create({ title: 'child', projectId: open.id, parentId: loose.body.id });
    const underLoose = await create({ title: 'child', parentId: loose.body.id });

    expect(underSecret.status).toBe(422);
    expect(underSecret.body.errors[0]).toMatchObject({ field: 'body.parentId', code: 'parent_not_found' });
    expect(acrossProjects.status).toBe(422);
    expect(acrossProjects.body.errors[0]).toMatchObject({ code: 'parent_other_project' });
    expect(underLoose.status).toBe(201);
    expect(underLoose.body.parentId).toBe(loose.body.id);
  });

  it('refuses to move a task with sub-tasks; a move carries the status and checks the assignee there', async () => {
    const from = await project({}, asMember);
    const to = await project({}, asMember);
    const parent = await create({ title: 'parent', projectId: from.id, status: 'in_progress' });
    await create({ title: 'child', projectId: from.id, parentId: parent.body.id });
    const single = await create({ title: 'single', projectId: from.id, status: 'in_progress' });

    const blocked = await platform.request('PATCH', `/v1/taskodex/tasks/${parent.body.id}`, {
      headers: asMember,
      body: { version: 1, projectId: to.id },
    });
    const moved = await platform.request('PATCH', `/v1/taskodex/tasks/${single.body.id}`, {
      headers: asMember,
      body: { version: 1, projectId: to.id, assigneeId: admin.userId },
    });

    expect(blocked.status).toBe(422);
    expect(blocked.body.errors[0]).toMatchObject({ field: 'body.projectId', code: 'has_subtasks' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      identifier: `${to.key}-1`,
      status: 'in_progress',
      assigneeId: admin.userId,
    });
  });
  it('keeps a private project’s rules: assignees must be in it, viewers cannot edit, API keys are not members', async () => {
    const secret = await project({ isPrivate: true }, asAdmin);
    await platform.request('POST', `/v1/taskodex/projects/${secret.id}/members`, {
      headers: asAdmin,
      body: { userId: member.userId, role: 'viewer' },
    });
    const existing = await create({ title: 'in the private project', projectId: secret.id }, asAdmin);
    const open = await project({}, asMember);
    const movable = await create({ title: 'moves', projectId: open.id, assigneeId: owner.userId });
    const key = await platform.request('POST', '/v1/api-keys', {
      headers: asAdmin,
      body: { name: 'writes tasks', scopes: ['taskodex:task:read', 'taskodex:task:write'] },
    });
    expect(key.status).toBe(201);

    const outsiderAssignee = await create(
      { title: 'x', projectId: secret.id, assigneeId: owner.userId },
      asAdmin,
    );
    const viewerEdit = await platform.request('PATCH', `/v1/taskodex/tasks/${existing.body.id}`, {
      headers: asMember,
      body: { version: 1, title: 'edited by a viewer' },
    });
    const byKey = await create(
      { title: 'x', projectId: secret.id },
      { authorization: `ApiKey ${key.body.key}` },
    );
    const moveWithOutsider = await platform.request('PATCH', `/v1/taskodex/tasks/${movable.body.id}`, {
      headers: asAdmin,
      body: { version: 1, projectId: secret.id },
    });

    expect(outsiderAssignee.status).toBe(422);
    expect(outsiderAssignee.body.errors[0]).toMatchObject({ code: 'assignee_not_project_member' });
    expect(viewerEdit.status).toBe(403);
    expect(byKey.status).toBe(422);
    expect(byKey.body.errors[0]).toMatchObject({ field: 'body.projectId', code: 'project_not_found' });
    expect(moveWithOutsider.status).toBe(422);
    expect(moveWithOutsider.body.errors[0]).toMatchObject({ code: 'assignee_not_project_member' });
    const unchanged = await platform.request('GET', `/v1/taskodex/tasks/${existing.body.id}`, {
      headers: asAdmin,
    });
    expect(unchanged.body.title).toBe('in the private project');
  });
});

describe('task writes: events in one insert, in the order of one insert each', () => {
  it('records created, assigned and completed for a create, stamped with their time', async () => {
    const created = await create({ title: 'Born done', status: 'done', assigneeId: member.userId });

    expect(created.status).toBe(201);
    expect(await eventsOf([created.body.id])).toEqual(
      ['task.created', 'task.assigned', 'task.completed'].map((type) => ({
        type,
        task_id: created.body.id,
        stamped: true,
      })),
    );
    const { rows } = await platform.db.query(
      `select kind, to_value from taskodex.task_activity where task_id = $1`,
      [created.body.id],
    );
    expect(rows).toEqual([
      {
        kind: 'created',
        to_value: { identifier: created.body.identifier, title: 'Born done', status: 'done' },
      },
    ]);
  });

  it('records a bulk change task by task (id order), each task’s events in PATCH order', async () => {
    const tasks = await Promise.all([1, 2, 3].map((n) => create({ title: `bulk ${n}` })));
    const ids = tasks.map((task) => task.body.id as string);
    const before = (await eventsOf(ids)).length;

    const response = await platform.request('POST', '/v1/taskodex/tasks/bulk', {
      headers: asMember,
      body: { ids: [...ids].reverse(), patch: { status: 'done', assigneeId: admin.userId } },
    });

    expect(response.status).toBe(200);
    const events = (await eventsOf(ids)).slice(before);
    expect(events).toEqual(
      [...ids].sort().flatMap((id) =>
        ['task.updated', 'task.assigned', 'task.status_changed', 'task.completed'].map((type) => ({
          type,
          task_id: id,
          stamped: true,
        })),
      ),
    );
  });
});
