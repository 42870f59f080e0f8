import type { NotifyHandler } from '@halooid/shared/notifications';
import { customerconnectEvents } from '../events';

const NOUNS = {
  note: 'a note',
  call: 'a call',
  meeting: 'a meeting',
  email: 'an email',
  task: 'a task',
} as const;

/**
 * activity.created → each member its body mentions (never its author, the
 * platform skips the actor), linking to the activity's first record. The
 * activities capability checked that every mentioned member sees the
 * linked records.
 */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  const data = customerconnectEvents.events['activity.created'].schema.parse(event.data);
  const { activity } = data;
  const record = activity.links[0];
  for (const userId of data.mentionedUserIds)
    await notifyMember(userId, {
      title: `You were mentioned in ${NOUNS[activity.type]}`,
      ...(activity.subject ? { body: activity.subject } : {}),
      ...(record ? { resource: { type: `customerconnect.${record.recordType}`, id: record.recordId } } : {}),
    });
};
