import type { NotifyHandler } from '@halooid/shared/notifications';
import { taskodexEvents } from '../events';

/** task.due_soon (the daily job) → a reminder for the assignee. */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  const data = taskodexEvents.events['task.due_soon'].schema.parse(event.data);
  await notifyMember(data.assigneeId, {
    title: `${data.identifier} "${data.title}" is due tomorrow`,
    resource: { type: 'taskodex.task', id: data.taskId },
  });
};
