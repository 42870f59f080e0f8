import type { NotifyHandler } from '@halooid/shared/notifications';
import { taskodexEvents } from '../events';

/** task.assigned → the new assignee (nobody when the task was unassigned; never who assigned it). */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  const data = taskodexEvents.events['task.assigned'].schema.parse(event.data);
  if (!data.assigneeId) return;
  await notifyMember(data.assigneeId, {
    title: `You were assigned "${data.title}"`,
    resource: { type: 'taskodex.task', id: data.taskId },
  });
};
