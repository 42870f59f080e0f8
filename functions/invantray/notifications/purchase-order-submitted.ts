import type { NotifyHandler } from '@halooid/shared/notifications';
import { invantrayEvents } from '../events';

/**
 * purchase-order.submitted → every member who may approve it, as the submit
 * decided them (`approverUserIds`: holders of the approve permission, only
 * Owners at the Owner level, never its creator or submitter). An order
 * approved at once names nobody.
 */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  const data = invantrayEvents.events['purchase-order.submitted'].schema.parse(event.data);
  const { purchaseOrder } = data;
  if (purchaseOrder.requiredApproval === 'none') return;
  for (const userId of data.approverUserIds)
    await notifyMember(userId, {
      title: `Purchase order ${purchaseOrder.number} awaits your approval`,
      body: `${purchaseOrder.total} ${purchaseOrder.currency}${purchaseOrder.requiredApproval === 'owner' ? ', above the Owner approval level' : ''}.`,
      resource: { type: 'invantray.purchase-order', id: purchaseOrder.id },
    });
};
