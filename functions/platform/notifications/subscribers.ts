import { createSubscriberHandler, defineConsumer } from '@halooid/shared/events/consumer';
import * as z from 'zod';
import { EVENT_CATALOGS } from '../../registry';
import { notifyMemberOfEvent } from './notify';
import { notificationsService } from './service';

const Assigned = z.object({ taskId: z.uuid(), title: z.string(), assigneeId: z.uuid().nullable() });

/** taskodex.task.assigned → a notification for the new assignee (not when you assign yourself). */
export const notifyTaskAssignee = defineConsumer({
  service: notificationsService,
  subscription: 'notify-task-assignee',
  catalogs: EVENT_CATALOGS,
  async handle(event, { tx }) {
    const data = Assigned.parse(event.data);
    if (!data.assigneeId || data.assigneeId === event.actor.id) return;
    await notifyMemberOfEvent(tx, event, data.assigneeId, {
      title: `You were assigned "${data.title}"`,
      resource: { type: 'taskodex.task', id: data.taskId },
    });
  },
});

const DueSoon = z.object({
  taskId: z.uuid(),
  title: z.string(),
  identifier: z.string(),
  assigneeId: z.uuid(),
  dueDate: z.string(),
});

/** taskodex.task.due_soon (the daily job) → a reminder for the assignee. */
export const notifyTaskDueSoon = defineConsumer({
  service: notificationsService,
  subscription: 'notify-task-due-soon',
  catalogs: EVENT_CATALOGS,
  async handle(event, { tx }) {
    const data = DueSoon.parse(event.data);
    await notifyMemberOfEvent(tx, event, data.assigneeId, {
      title: `${data.identifier} "${data.title}" is due tomorrow`,
      resource: { type: 'taskodex.task', id: data.taskId },
    });
  },
});

const Mentioned = z.object({
  taskId: z.uuid(),
  title: z.string(),
  excerpt: z.string(),
  mentionedUserIds: z.array(z.uuid()),
});

/** taskodex.task.comment_added / comment_updated → a notification for each (newly) mentioned member, never the author. */
export const notifyMentionedUsers = defineConsumer({
  service: notificationsService,
  subscription: 'notify-mentioned-users',
  catalogs: EVENT_CATALOGS,
  async handle(event, { tx }) {
    const data = Mentioned.parse(event.data);
    for (const userId of data.mentionedUserIds) {
      if (userId === event.actor.id) continue;
      await notifyMemberOfEvent(tx, event, userId, {
        title: `You were mentioned on "${data.title}"`,
        body: data.excerpt,
        resource: { type: 'taskodex.task', id: data.taskId },
      });
    }
  },
});

const TimesheetDecision = z.object({
  userId: z.uuid(),
  week: z.string(),
  reason: z.string().optional(),
});

/** taskodex.timesheet.approved / rejected → a notification for the person whose week it is. */
export const notifyTimesheetDecision = defineConsumer({
  service: notificationsService,
  subscription: 'notify-timesheet-decision',
  catalogs: EVENT_CATALOGS,
  async handle(event, { tx }) {
    const data = TimesheetDecision.parse(event.data);
    if (data.userId === event.actor.id) return;
    const approved = event.type === 'timesheet.approved';
    await notifyMemberOfEvent(tx, event, data.userId, {
      title: `Your timesheet for ${data.week} was ${approved ? 'approved' : 'rejected'}`,
      body: approved ? '' : (data.reason ?? ''),
      resource: { type: 'taskodex.timesheet', id: data.week },
    });
  },
});

/** Lambda entry for the capability's EventBridge rules. */
export const handler = createSubscriberHandler(notificationsService, {
  notifyTimesheetDecision,
  notifyTaskAssignee,
  notifyMentionedUsers,
  notifyTaskDueSoon,
});
