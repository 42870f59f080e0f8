import { statusWithin } from '@halooid/local/testing/eventually';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueSoon, tomorrowOf } from './due-soon';

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

// The job's "today", 60 days ahead: the platform also runs the job at start
// (and hourly) on the real clock, and demo tasks are due within two weeks, so
// neither can claim this file's tasks before the runs below. Every run here
// gets this instant, so crossing midnight UTC mid-test changes nothing.
const now = new Date(Date.now() + 60 * 86_400_000);
const tomorrow = tomorrowOf(now);
const later = tomorrowOf(new Date(now.getTime() + 86_400_000));

const createTask = (body: Record<string, unknown>) =>
  platform.request('POST', '/v1/taskodex/tasks', { headers: admin.headers('acme'), body });

async function dueSoonNotices(session: Session) {
  const response = await platform.request('GET', '/v1/notifications?limit=100', {
    headers: session.headers('acme'),
  });
  return (response.body.items as { type: string; title: string; resource: { id: string } | null }[]).filter(
    (item) => item.type === 'taskodex.task.due_soon',
  );
}

describe('due-soon reminders', () => {
  it('notifies the assignee of an open task due tomorrow, once, however often the job runs', async () => {
    const due = await createTask({
      title: 'Renew the certificate',
      dueDate: tomorrow,
      assigneeId: member.userId,
    });
    const notYet = await createTask({ title: 'Not yet', dueDate: later, assigneeId: member.userId });
    const finished = await createTask({
      title: 'Already done',
      dueDate: tomorrow,
      assigneeId: member.userId,
      status: 'done',
    });
    const unassigned = await createTask({ title: 'Nobody', dueDate: tomorrow });

    const first = await runDueSoon({ now });
    const second = await runDueSoon({ now });

    expect(first.notified).toBeGreaterThanOrEqual(1);
    expect(second.notified).toBe(0);
    const arrived = await statusWithin(
      10_000,
      async () => ({
        status: (await dueSoonNotices(member)).some((item) => item.resource?.id === due.body.id) ? 200 : 404,
      }),
      200,
    );
    expect(arrived).toBe(200);
    const notices = await dueSoonNotices(member);
    const ids = notices.map((item) => item.resource?.id);
    expect(ids.filter((id) => id === due.body.id)).toHaveLength(1);
    expect(ids).not.toContain(notYet.body.id);
    expect(ids).not.toContain(finished.body.id);
    expect(ids).not.toContain(unassigned.body.id);
    expect(notices.find((item) => item.resource?.id === due.body.id)?.title).toBe(
      `${due.body.identifier} "Renew the certificate" is due tomorrow`,
    );
  });

  it('notices a task again when its due date moves to another tomorrow', async () => {
    const task = await createTask({ title: 'Moving target', dueDate: tomorrow, assigneeId: member.userId });
    await runDueSoon({ now });

    await platform.request('PATCH', `/v1/taskodex/tasks/${task.body.id}`, {
      headers: admin.headers('acme'),
      body: { version: 1, dueDate: later },
    });
    const dayAfter = await runDueSoon({ now: new Date(now.getTime() + 86_400_000) });

    expect(dayAfter.notified).toBeGreaterThanOrEqual(1);
    const { rows } = await platform.db.query(
      'select due_date::text as due from taskodex.due_soon_notices where task_id = $1 order by due_date',
      [task.body.id],
    );
    expect(rows.map((row: { due: string }) => row.due)).toEqual([tomorrow, later]);
  });
});
