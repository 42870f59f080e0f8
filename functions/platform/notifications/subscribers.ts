import { createSubscriberHandler, defineConsumer } from '@halooid/shared/events/consumer';
import { eventName } from '@halooid/shared/events/envelope';
import { isActiveMember } from '@halooid/shared/tenancy';
import * as z from 'zod';
import { EVENT_CATALOGS } from '../../registry';
import { notifyUser } from './notify';
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
    if (!(await isActiveMember(tx, data.assigneeId))) return;
    await notifyUser(tx, {
      tenantId: event.tenantId,
      userId: data.assigneeId,
      eventId: event.id,
      type: eventName(event),
      title: `You were assigned "${data.title}"`,
      resource: { type: 'taskodex.task', id: data.taskId },
      actorId: event.actor.id,
    });
  },
});

/** Lambda entry for the capability's EventBridge rules. */
export const handler = createSubscriberHandler(notificationsService, { notifyTaskAssignee });
