import type { EventEnvelope } from '@halooid/shared/events/envelope';
import type { NotificationMessage, NotifyHandler } from '@halooid/shared/notifications';
import { describe, expect, it } from 'vitest';
import { notify as notifyMentionedUsers } from './mentioned-users';
import { notify as notifyTaskAssignee } from './task-assignee';
import { notify as notifyTaskDueSoon } from './task-due-soon';
import { notify as notifyTimesheetDecision } from './timesheet-decision';

const ACTOR = '0193a000-0000-7000-8000-0000000000a1';
const ASSIGNEE = '0193a000-0000-7000-8000-0000000000b2';
const OTHER = '0193a000-0000-7000-8000-0000000000c3';
const TASK = '0193a000-0000-7000-8000-0000000000d4';

const envelope = (type: string, data: Record<string, unknown>): EventEnvelope => ({
  id: '0193a000-0000-7000-8000-0000000000e5',
  source: 'halooid.taskodex',
  type,
  version: 1,
  tenantId: '0193a000-0000-7000-8000-0000000000f6',
  occurredAt: '2026-01-01T12:00:00.000Z',
  actor: { type: 'user', id: ACTOR },
  data,
});

/** Runs a rule with a notifyMember that records whom it was asked to notify, and with what. */
async function run(rule: NotifyHandler, event: EventEnvelope) {
  const calls: { userId: string; message: NotificationMessage }[] = [];
  await rule(event, {
    notifyMember: async (userId, message) => {
      calls.push({ userId, message });
      return true;
    },
  });
  return calls;
}

describe('Taskodex notification rules', () => {
  it('task.assigned notifies the new assignee, and nobody when the task was unassigned', async () => {
    const data = { taskId: TASK, title: 'Ship it', previousAssigneeId: null };

    const assigned = await run(
      notifyTaskAssignee,
      envelope('task.assigned', { ...data, assigneeId: ASSIGNEE }),
    );
    const unassigned = await run(
      notifyTaskAssignee,
      envelope('task.assigned', { ...data, assigneeId: null }),
    );

    expect(assigned).toEqual([
      {
        userId: ASSIGNEE,
        message: { title: 'You were assigned "Ship it"', resource: { type: 'taskodex.task', id: TASK } },
      },
    ]);
    expect(unassigned).toEqual([]);
  });

  it('task.due_soon reminds the assignee', async () => {
    const event = envelope('task.due_soon', {
      taskId: TASK,
      title: 'Ship it',
      identifier: 'WEB-7',
      assigneeId: ASSIGNEE,
      dueDate: '2026-01-02',
    });

    expect(await run(notifyTaskDueSoon, event)).toEqual([
      {
        userId: ASSIGNEE,
        message: { title: 'WEB-7 "Ship it" is due tomorrow', resource: { type: 'taskodex.task', id: TASK } },
      },
    ]);
  });

  it('a comment notifies each mentioned member with the excerpt', async () => {
    const event = envelope('task.comment_updated', {
      taskId: TASK,
      title: 'Ship it',
      commentId: OTHER,
      authorId: ACTOR,
      excerpt: 'see @Bea',
      mentionedUserIds: [ASSIGNEE, OTHER],
    });

    const calls = await run(notifyMentionedUsers, event);

    expect(calls.map((call) => call.userId)).toEqual([ASSIGNEE, OTHER]);
    expect(calls[0]?.message).toEqual({
      title: 'You were mentioned on "Ship it"',
      body: 'see @Bea',
      resource: { type: 'taskodex.task', id: TASK },
    });
  });

  it('a timesheet decision tells its owner, with the reason when rejected', async () => {
    const week = { userId: ASSIGNEE, week: '2026-W01', weekStart: '2025-12-29', decidedBy: ACTOR };

    const approved = await run(notifyTimesheetDecision, envelope('timesheet.approved', week));
    const rejected = await run(
      notifyTimesheetDecision,
      envelope('timesheet.rejected', { ...week, reason: 'Tuesday is missing' }),
    );

    expect(approved).toEqual([
      {
        userId: ASSIGNEE,
        message: {
          title: 'Your timesheet for 2026-W01 was approved',
          body: '',
          resource: { type: 'taskodex.timesheet', id: '2026-W01' },
        },
      },
    ]);
    expect(rejected[0]?.message).toMatchObject({
      title: 'Your timesheet for 2026-W01 was rejected',
      body: 'Tuesday is missing',
    });
  });

  it('refuses data its catalog does not allow', async () => {
    await expect(
      run(notifyTaskDueSoon, envelope('task.due_soon', { taskId: 'not-a-uuid' })),
    ).rejects.toThrow();
  });
});
