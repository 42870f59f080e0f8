import type { NotifyHandler } from '@halooid/shared/notifications';
import { invantrayEvents } from '../events';

/**
 * purchase-order.received → the order's creator and whoever asked for the
 * received lines through a requisition, each once; never the receiver (the
 * platform skips the event's actor).
 */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  const data = invantrayEvents.events['purchase-order.received'].schema.parse(event.data);
  const { purchaseOrder } = data;
  const people = new Set([
    ...(purchaseOrder.createdBy ? [purchaseOrder.createdBy] : []),
    ...data.requesterIds,
  ]);
  const complete = purchaseOrder.status === 'received';
  for (const userId of people) {
    await notifyMember(userId, {
      title: `${complete ? 'Received in full' : 'Partly received'}: ${purchaseOrder.number}`,
      body: `${data.receiptNumber}: ${data.lines.length} ${data.lines.length === 1 ? 'line' : 'lines'} received.`,
      resource: { type: 'invantray.purchase-order', id: purchaseOrder.id },
    });
  }
};
