import { ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { statusAfter } from '../domain/purchase-order-status';
import { invantrayEvents } from '../events';
import { readPurchaseOrder } from './get-purchase-order';
import type { PurchaseOrder } from './schemas';
import { auditedSnapshot, lockForAction, type StatusChangeDeps, writeStatus } from './status-change';

export type SettlePurchaseOrderDeps = StatusChangeDeps & Pick<RequestDeps, 'now'>;

/** approved → sent: the order went to its supplier (`purchase-order.sent`); goods may now be received. */
export async function sendPurchaseOrder(id: string, deps: SettlePurchaseOrderDeps): Promise<PurchaseOrder> {
  const { tx, principal } = deps;
  const order = await lockForAction(tx, principal.tenantId, id, 'send');
  await writeStatus(tx, principal.tenantId, id, statusAfter(order.status, 'send'), { sent_at: deps.now() });
  const purchaseOrder = await auditedSnapshot(deps, id, 'sent');
  await deps.events.record(invantrayEvents, 'purchase-order.sent', { purchaseOrder });
  return readPurchaseOrder(tx, principal, id);
}

/**
 * draft, submitted, approved or sent → cancelled, only while nothing was
 * received (a 409 `already_received` otherwise: close it instead). Its
 * quantities stop counting as on order.
 */
export async function cancelPurchaseOrder(id: string, deps: SettlePurchaseOrderDeps): Promise<PurchaseOrder> {
  const { tx, principal } = deps;
  const order = await lockForAction(tx, principal.tenantId, id, 'cancel');
  if (!order.nothing_received)
    throw new ConflictError(
      'Goods were already received against this order; close it instead of cancelling it.',
      'already_received',
    );
  await writeStatus(tx, principal.tenantId, id, statusAfter(order.status, 'cancel'), {
    cancelled_at: deps.now(),
  });
  const purchaseOrder = await auditedSnapshot(deps, id, 'cancelled');
  await deps.events.record(invantrayEvents, 'purchase-order.cancelled', { purchaseOrder });
  return readPurchaseOrder(tx, principal, id);
}

/** partially_received or received → closed: nothing more will be received against it. */
export async function closePurchaseOrder(id: string, deps: SettlePurchaseOrderDeps): Promise<PurchaseOrder> {
  const { tx, principal } = deps;
  const order = await lockForAction(tx, principal.tenantId, id, 'close');
  await writeStatus(tx, principal.tenantId, id, statusAfter(order.status, 'close'), {
    closed_at: deps.now(),
  });
  const purchaseOrder = await auditedSnapshot(deps, id, 'closed');
  await deps.events.record(invantrayEvents, 'purchase-order.closed', { purchaseOrder });
  return readPurchaseOrder(tx, principal, id);
}
