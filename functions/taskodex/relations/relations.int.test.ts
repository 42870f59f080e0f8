import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let admin: Session;
let acme: Record<string, string>;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, admin] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('admin@acme.example'),
  ]);
  acme = member.headers('acme');
});

afterAll(async () => {
  await platform?.stop();
});

async function newTask(title: string, as: Session = member, body: Record<string, unknown> = {}) {
  const response = await platform.request('POST', '/v1/taskodex/tasks', {
    headers: as.headers('acme'),
    body: { title, ...body },
  });
  expect(response.status).toBe(201);
  return response.body as { id: string; identifier: string; title: string };
}

const relate = (taskId: string, body: Record<string, unknown>, headers = acme) =>
  platform.request('POST', `/v1/taskodex/tasks/${taskId}/relations`, { headers, body });
const relationsOf = (taskId: string, headers = acme) =>
  platform.request('GET', `/v1/taskodex/tasks/${taskId}/relations`, { headers });

describe('task relations', () => {
  it('blocks on one task shows as blocked_by on the other, with the same id, and both timelines record it', async () => {
    const [api, web] = [await newTask('Ship the API'), await newTask('Ship the web app')];

    const created = await relate(api.id, { type: 'blocks', taskId: web.id });
    const fromApi = await relationsOf(api.id);
    const fromWeb = await relationsOf(web.id);

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'blocks',
      taskId: web.id,
      task: { identifier: web.identifier },
    });
    expect(fromApi.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, type: 'blocks', taskId: web.id }),
    ]);
    expect(fromWeb.body.items).toEqual([
      expect.objectContaining({
        id: created.body.id,
        type: 'blocked_by',
        taskId: api.id,
        task: expect.objectContaining({ title: 'Ship the API' }),
      }),
    ]);
    const { rows } = await platform.db.query(
      `select task_id, to_value->>'type' as type from taskodex.task_activity
        where kind = 'relation' and task_id = any($1::uuid[]) order by task_id`,
      [[api.id, web.id]],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { task_id: api.id, type: 'blocks' },
        { task_id: web.id, type: 'blocked_by' },
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('maps each type to its reverse: duplicated_by, relates_to', async () => {
    const [original, copy, cousin] = [
      await newTask('Original'),
      await newTask('Copy'),
      await newTask('Cousin'),
    ];

    await relate(original.id, { type: 'duplicated_by', taskId: copy.id });
    await relate(cousin.id, { type: 'relates_to', taskId: original.id });

    expect((await relationsOf(copy.id)).body.items).toEqual([
      expect.objectContaining({ type: 'duplicates', taskId: original.id }),
    ]);
    expect(
      (await relationsOf(original.id)).body.items.map((item: { type: string }) => item.type).sort(),
    ).toEqual(['duplicated_by', 'relates_to']);
  });

  it('refuses a second relation of a kind between a pair, in either direction (409), and self-relations (422)', async () => {
    const [a, b] = [await newTask('A'), await newTask('B')];
    expect((await relate(a.id, { type: 'blocks', taskId: b.id })).status).toBe(201);

    const same = await relate(b.id, { type: 'blocked_by', taskId: a.id });
    const cycle = await relate(b.id, { type: 'blocks', taskId: a.id });
    const self = await relate(a.id, { type: 'relates_to', taskId: a.id });
    const unknown = await relate(a.id, {
      type: 'relates_to',
      taskId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    });

    expect([same.status, cycle.status, self.status, unknown.status]).toEqual([409, 409, 422, 422]);
    expect(same.body.code).toBe('relation_exists');
    const { rows } = await platform.db.query(
      'select count(*)::int as n from taskodex.task_relations where task_id = any($1::uuid[]) or related_task_id = any($1::uuid[])',
      [[a.id, b.id]],
    );
    expect(rows[0].n).toBe(1);
  });

  it('deletes from either side, for both tasks', async () => {
    const [a, b] = [await newTask('Left'), await newTask('Right')];
    const created = await relate(a.id, { type: 'relates_to', taskId: b.id });

    const removed = await platform.request(
      'DELETE',
      `/v1/taskodex/tasks/${b.id}/relations/${created.body.id}`,
      {
        headers: acme,
      },
    );

    expect(removed.status).toBe(204);
    expect((await relationsOf(a.id)).body.items).toEqual([]);
    expect((await relationsOf(b.id)).body.items).toEqual([]);
  });

  it('needs both tasks visible: a private task is neither relatable nor listed', async () => {
    const project = await platform.request('POST', '/v1/taskodex/projects', {
      headers: admin.headers('acme'),
      body: { key: 'HIDE', name: 'Hidden', isPrivate: true },
    });
    expect(project.status).toBe(201);
    const hidden = await newTask('Private work', admin, { projectId: project.body.id });
    const open = await newTask('Open work', admin);
    expect((await relate(open.id, { type: 'blocks', taskId: hidden.id }, admin.headers('acme'))).status).toBe(
      201,
    );

    expect((await relate(open.id, { type: 'relates_to', taskId: hidden.id })).status).toBe(422);
    expect((await relationsOf(hidden.id)).status).toBe(404);
    expect((await relationsOf(open.id)).body.items).toEqual([]);
  });
});
