import type { NotifyHandler } from '@halooid/shared/notifications';
import { taskodexEvents } from '../events';

/**
 * task.comment_added / task.comment_updated → each member the comment
 * mentions (an edit carries only the newly mentioned), never its author.
 */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  const data = taskodexEvents.events[
    event.type === 'task.comment_updated' ? 'task.comment_updated' : 'task.comment_added'
  ].schema.parse(event.data);
  for (const userId of data.mentionedUserIds) {
    await notifyMember(userId, {
      title: `You were mentioned on "${data.title}"`,
      body: data.excerpt,
      resource: { type: 'taskodex.task', id: data.taskId },
    });
  }
};
