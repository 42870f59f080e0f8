import { statusWithin } from '@halooid/local/testing/eventually';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let admin: Session;
let viewer: Session;
let globexOwner: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, admin, viewer, globexOwner] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('admin@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

async function newTask(as: Session, body: Record<string, unknown> = {}) {
  const response = await platform.request('POST', '/v1/taskodex/tasks', {
    headers: as.headers('acme'),
    body: { title: 'Discuss me', ...body },
  });
  expect(response.status).toBe(201);
  return response.body as { id: string; title: string };
}

const comment = (as: Session, taskId: string, body: string) =>
  platform.request('POST', `/v1/taskodex/tasks/${taskId}/comments`, {
    headers: as.headers('acme'),
    body: { body },
  });

describe('comments', () => {
  it('adds a comment, lists the thread and records it on the timeline', async () => {
    const task = await newTask(member);

    const created = await comment(member, task.id, 'First **thoughts**');
    const list = await platform.request('GET', `/v1/taskodex/tasks/${task.id}/comments`, {
      headers: viewer.headers('acme'),
    });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      taskId: task.id,
      authorId: member.userId,
      body: 'First **thoughts**',
      deleted: false,
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
    const { rows } = await platform.db.query(
      `select kind, actor_id from taskodex.task_activity where task_id = $1 and kind = 'comment'`,
      [task.id],
    );
    expect(rows).toEqual([{ kind: 'comment', actor_id: member.userId }]);
  });

  it('notifies the mentioned member, and not the author who mentions themself', async () => {
    const task = await newTask(member, { title: 'Mention target' });

    const created = await comment(
      member,
      task.id,
      `@[Adam Admin](${admin.userId}) can you review? cc @[me](${member.userId})`,
    );

    expect(created.status).toBe(201);
    expect(created.body.mentionedUserIds).toEqual([admin.userId, member.userId]);
    const mentionOf = async (as: Session) => {
      const response = await platform.request('GET', '/v1/notifications', { headers: as.headers('acme') });
      const found = response.body.items.find(
        (item: { type: string; resource: { id: string } | null }) =>
          item.type === 'taskodex.task.comment_added' && item.resource?.id === task.id,
      );
      return { status: found ? 200 : 404, found };
    };
    expect(await statusWithin(10_000, () => mentionOf(admin), 200)).toBe(200);
    expect((await mentionOf(admin)).found).toMatchObject({
      title: 'You were mentioned on "Mention target"',
      // Names as they are now, not as typed: `@[me](…)` shows Maya's name.
      body: '@Adam Admin can you review? cc @Maya Member',
      actorId: member.userId,
    });
    expect((await mentionOf(member)).status).toBe(404);
  });

  it("shows the mentioned user's current name, never the name typed into the token", async () => {
    const task = await newTask(member, { title: 'Spoofed mention' });

    const created = await comment(
      member,
      task.id,
      `Approved by @[The CEO](${admin.userId}) and @[x](${member.userId})`,
    );
    await platform.db.query(`update platform.users set name = 'Adam Renamed' where id = $1`, [admin.userId]);
    const list = await platform.request('GET', `/v1/taskodex/tasks/${task.id}/comments`, {
      headers: viewer.headers('acme'),
    });
    await platform.db.query(`update platform.users set name = 'Adam Admin' where id = $1`, [admin.userId]);

    expect(created.status, created.text).toBe(201);
    expect(created.body.body).toBe(
      `Approved by @[Adam Admin](${admin.userId}) and @[Maya Member](${member.userId})`,
    );
    expect(created.body.mentions).toEqual([
      { userId: admin.userId, name: 'Adam Admin' },
      { userId: member.userId, name: 'Maya Member' },
    ]);
    // A later rename shows too: the name comes from the users table on every read.
    expect(list.body.items[0].body).toBe(
      `Approved by @[Adam Renamed](${admin.userId}) and @[Maya Member](${member.userId})`,
    );
    expect(list.body.items[0].mentions[0]).toEqual({ userId: admin.userId, name: 'Adam Renamed' });
    expect(JSON.stringify(list.body)).not.toContain('The CEO');
    // The notification's excerpt names Adam as he was called when it was sent, never "The CEO".
    const notice = async () => {
      const response = await platform.request('GET', '/v1/notifications', { headers: admin.headers('acme') });
      const found = response.body.items.find(
        (item: { type: string; resource: { id: string } | null }) =>
          item.type === 'taskodex.task.comment_added' && item.resource?.id === task.id,
      );
      return { status: found ? 200 : 404, found };
    };
    expect(await statusWithin(10_000, notice, 200)).toBe(200);
    expect((await notice()).found.body).toBe('Approved by @Adam Admin and @Maya Member');
  });

  it('refuses mentions of people outside the tenant or who cannot see the task (422)', async () => {
    const task = await newTask(member);
    const outsider = await comment(member, task.id, `hi @[Gil](${globexOwner.userId})`);
    expect(outsider.status).toBe(422);
    expect(outsider.body.code).toBe('mention_not_allowed');

    const project = await platform.request('POST', '/v1/taskodex/projects', {
      headers: admin.headers('acme'),
      body: { key: 'SECRET', name: 'Secret plans', isPrivate: true },
    });
    expect(project.status).toBe(201);
    const hidden = await newTask(admin, { projectId: project.body.id });
    const invisible = await comment(admin, hidden.id, `@[Maya](${member.userId}) look`);
    expect(invisible.status).toBe(422);
    expect(invisible.body.detail).toContain(member.userId);
    // …and the member cannot even find the private task's thread.
    const thread = await platform.request('GET', `/v1/taskodex/tasks/${hidden.id}/comments`, {
      headers: member.headers('acme'),
    });
    expect(thread.status).toBe(404);
  });

  it('lets only the author edit (403 for others) and notifies newly mentioned people on an edit', async () => {
    const task = await newTask(member);
    const created = await comment(member, task.id, 'draft');
    const path = `/v1/taskodex/tasks/${task.id}/comments/${created.body.id}`;

    const byAdmin = await platform.request('PATCH', path, {
      headers: admin.headers('acme'),
      body: { body: 'hijack' },
    });
    const byAuthor = await platform.request('PATCH', path, {
      headers: member.headers('acme'),
      body: { body: `final, @[Adam](${admin.userId})` },
    });

    expect(byAdmin.status).toBe(403);
    expect(byAuthor.status).toBe(200);
    expect(byAuthor.body).toMatchObject({
      body: `final, @[Adam Admin](${admin.userId})`,
      mentionedUserIds: [admin.userId],
      mentions: [{ userId: admin.userId, name: 'Adam Admin' }],
    });
    expect(byAuthor.body.editedAt).not.toBeNull();
    const { rows } = await platform.db.query('select body from taskodex.task_comments where id = $1', [
      created.body.id,
    ]);
    expect(rows).toEqual([{ body: `final, @[Adam](${admin.userId})` }]);
    const notified = async () => {
      const response = await platform.request('GET', '/v1/notifications', { headers: admin.headers('acme') });
      const found = response.body.items.some(
        (item: { type: string; resource: { id: string } | null }) =>
          item.type === 'taskodex.task.comment_updated' && item.resource?.id === task.id,
      );
      return { status: found ? 200 : 404 };
    };
    expect(await statusWithin(10_000, notified, 200)).toBe(200);
  });

  it('soft-deletes: the thread keeps the comment as deleted, without its text', async () => {
    const task = await newTask(member);
    const created = await comment(member, task.id, 'oops');
    const path = `/v1/taskodex/tasks/${task.id}/comments/${created.body.id}`;

    const byViewer = await platform.request('DELETE', path, { headers: viewer.headers('acme') });
    const byAuthor = await platform.request('DELETE', path, { headers: member.headers('acme') });
    const list = await platform.request('GET', `/v1/taskodex/tasks/${task.id}/comments`, {
      headers: member.headers('acme'),
    });
    const edit = await platform.request('PATCH', path, {
      headers: member.headers('acme'),
      body: { body: 'back' },
    });

    expect(byViewer.status).toBe(403);
    expect(byAuthor.status).toBe(204);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, deleted: true, body: null }),
    ]);
    expect(edit.status).toBe(409);
  });

  it('rejects an empty body and answers 404 for another tenant', async () => {
    const task = await newTask(member);
    expect((await comment(member, task.id, '   ')).status).toBe(400);
    const foreign = await platform.request('GET', `/v1/taskodex/tasks/${task.id}/comments`, {
      headers: globexOwner.headers('globex'),
    });
    expect(foreign.status).toBe(404);
  });

  it('comes with demo conversations and relations in Acme', async () => {
    const acmeId = member.tenants.find((tenant) => tenant.slug === 'acme')?.id;
    const { rows } = await platform.db.query(
      `select (select count(*)::int from taskodex.task_comments where tenant_id = $1) as comments,
              (select count(*)::int from taskodex.task_relations where tenant_id = $1) as relations,
              (select task_id from taskodex.task_comments where tenant_id = $1 order by created_at limit 1) as task_id`,
      [acmeId],
    );
    expect(rows[0].comments).toBeGreaterThanOrEqual(5);
    expect(rows[0].relations).toBeGreaterThanOrEqual(2);
    const thread = await platform.request('GET', `/v1/taskodex/tasks/${rows[0].task_id}/comments`, {
      headers: admin.headers('acme'),
    });
    expect(thread.status).toBe(200);
    expect(thread.body.items.length).toBeGreaterThan(0);
  });
});
