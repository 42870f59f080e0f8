import type { NotifyHandler } from '@halooid/shared/notifications';
import { qultrixEvents } from '../events';

/** time-off.approved / time-off.rejected → the employee, when they sign in (not when they decided it themselves). */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  const type = event.type === 'time-off.approved' ? 'time-off.approved' : 'time-off.rejected';
  const data = qultrixEvents.events[type].schema.parse(event.data);
  if (!data.userId) return;
  const days = data.start === data.end ? data.start : `${data.start} to ${data.end}`;
  await notifyMember(data.userId, {
    title: `Your ${data.leaveTypeName} (${days}) was ${type === 'time-off.approved' ? 'approved' : 'rejected'}`,
    resource: { type: 'qultrix.time-off-request', id: data.requestId },
  });
};
