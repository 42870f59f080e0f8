import type { NotifyHandler } from '@halooid/shared/notifications';
import { qultrixEvents } from '../events';

const when = (start: string, end: string) => (start === end ? start : `${start} to ${end}`);

/** time-off.awaiting_approval → everyone who may decide the step (the platform skips whoever caused it). */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  const data = qultrixEvents.events['time-off.awaiting_approval'].schema.parse(event.data);
  for (const userId of data.approverUserIds)
    await notifyMember(userId, {
      title: `${data.employeeName} asks for ${data.leaveTypeName}, ${when(data.start, data.end)}`,
      body: `${data.amount} ${data.unit}; ${data.step === 1 ? 'awaiting your approval' : 'awaiting HR approval'}.`,
      resource: { type: 'qultrix.time-off-request', id: data.requestId },
    });
};
