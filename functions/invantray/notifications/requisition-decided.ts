import type { NotifyHandler } from '@halooid/shared/notifications';
import { invantrayEvents } from '../events';

/** requisition.decided → its requester, with the buyer's note (a rejection's reason). */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  const data = invantrayEvents.events['requisition.decided'].schema.parse(event.data);
  if (!data.requestedBy) return;
  await notifyMember(data.requestedBy, {
    title: `Requisition ${data.number} ${data.decision === 'approved' ? 'approved' : 'rejected'}`,
    ...(data.note ? { body: data.note } : {}),
    resource: { type: 'invantray.requisition', id: data.requisitionId },
  });
};
