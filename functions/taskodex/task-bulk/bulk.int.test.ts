import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let admin: Session;
let acme: Record<string, string>;
let ids: string[];

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, admin] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('admin@acme.example'),
  ]);
  acme = member.headers('acme');
  ids = [];
  for (let batch = 0; batch < 10; batch++) {
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        platform.request('POST', '/v1/taskodex/tasks', {
          headers: acme,
          body: { title: `Bulk ${batch * 10 + index}`, labels: ['bulk', index % 2 ? 'odd' : 'even'] },
        }),
      ),
    );
    ids.push(...created.map((response) => response.body.id as string));
  }
});

afterAll(async () => {
  await platform?.stop();
});

const bulk = (body: unknown) => platform.request('POST', '/v1/taskodex/tasks/bulk', { headers: acme, body });

async function rowsOf(taskIds: string[]) {
  const { rows } = await platform.db.query(
    'select id, status, priority, assignee_id, labels, version from taskodex.tasks where id = any($1::uuid[])',
    [taskIds],
  );
  return rows;
}

describe('bulk update', () => {
  it('is all-or-nothing: one unknown id among 100 changes nothing, and the 422 names it', async () => {
    const before = await rowsOf(ids);
    const unknown = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const withUnknown = [...ids.slice(0, 50), unknown, ...ids.slice(51)];

    const response = await bulk({ ids: withUnknown, patch: { priority: 'urgent', status: 'in_progress' } });

    expect(response.status).toBe(422);
    expect(response.body.code).toBe('bulk_update_failed');
    expect(response.body.errors).toEqual([
      { field: 'body.ids.50', message: `Task ${unknown} was not found.`, code: 'not_found' },
    ]);
    expect(await rowsOf(ids)).toEqual(before);
  });

  it('is all-or-nothing when a task cannot take the change: a status outside a project’s workflow', async () => {
    const project = await platform.request('POST', '/v1/taskodex/projects', {
      headers: acme,
      body: {
        key: 'BULK',
        name: 'Bulk project',
        states: [
          { key: 'open', name: 'Open', colour: '#888888', group: 'unstarted' },
          { key: 'closed', name: 'Closed', colour: '#22aa22', group: 'completed' },
        ],
      },
    });
    expect(project.status).toBe(201);
    const inProject = await platform.request('POST', '/v1/taskodex/tasks', {
      headers: acme,
      body: { title: 'Custom workflow', projectId: project.body.id },
    });
    const before = await rowsOf(ids.slice(0, 99));

    const response = await bulk({
      ids: [...ids.slice(0, 99), inProject.body.id],
      patch: { status: 'in_review' },
    });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'body.ids.99', message: expect.stringContaining(inProject.body.id) }),
    ]);
    expect(await rowsOf(ids.slice(0, 99))).toEqual(before);
    expect((await rowsOf([inProject.body.id]))[0].status).toBe('open');
  });

  it('changes all 100 tasks at once, with the events and timeline of single changes', async () => {
    const response = await bulk({
      ids,
      patch: {
        priority: 'high',
        status: 'todo',
        assigneeId: admin.userId,
        addLabels: ['triaged'],
        removeLabels: ['odd'],
      },
    });

    expect(response.status).toBe(200);
    expect(response.body.updated).toBe(100);
    expect(response.body.items.map((task: { id: string }) => task.id)).toEqual(ids);
    const rows = await rowsOf(ids);
    expect(rows).toHaveLength(100);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'todo', priority: 'high', assignee_id: admin.userId, version: 2 });
      expect(row.labels).toContain('triaged');
      expect(row.labels).not.toContain('odd');
    }
    const events = await platform.db.query(
      `select count(*)::int as n from platform.outbox where type = 'task.assigned' and envelope->'data'->>'taskId' = any($1::text[])`,
      [ids],
    );
    expect(events.rows[0].n).toBe(100);
    const activity = await platform.db.query(
      `select count(*)::int as n from taskodex.task_activity where field = 'priority' and task_id = any($1::uuid[])`,
      [ids],
    );
    expect(activity.rows[0].n).toBe(100);
  });

  it('validates the request: 1..100 unique ids and at least one change', async () => {
    expect((await bulk({ ids: [], patch: { priority: 'low' } })).status).toBe(400);
    expect((await bulk({ ids: [ids[0], ids[0]], patch: { priority: 'low' } })).status).toBe(400);
    expect((await bulk({ ids: [...ids, ids[0]], patch: { priority: 'low' } })).status).toBe(400);
    expect((await bulk({ ids: [ids[0]], patch: {} })).status).toBe(400);
    expect((await bulk({ ids: [ids[0]], patch: { labels: ['a'], addLabels: ['b'] } })).status).toBe(400);
  });

  it('resolves the literal /tasks/bulk before /tasks/{taskId}', async () => {
    const response = await platform.request('GET', '/v1/taskodex/tasks/bulk', { headers: acme });
    expect(response.status).toBe(405);
  });
});
