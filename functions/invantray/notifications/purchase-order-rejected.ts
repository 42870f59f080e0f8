import type { NotifyHandler } from '@halooid/shared/notifications';
import { invantrayEvents } from '../events';

/** purchase-order.rejected → the order's creator, with the approver's reason (it is a draft again). */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  const data = invantrayEvents.events['purchase-order.rejected'].schema.parse(event.data);
  const { purchaseOrder } = data;
  if (!purchaseOrder.createdBy) return;
  await notifyMember(purchaseOrder.createdBy, {
    title: `Purchase order ${purchaseOrder.number} was rejected`,
    body: data.reason,
    resource: { type: 'invantray.purchase-order', id: purchaseOrder.id },
  });
};
