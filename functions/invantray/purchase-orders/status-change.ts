import { recordAudit } from '@halooid/shared/audit';
import type { Tx } from '@halooid/shared/db/transaction';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { assertCanTake, type PurchaseOrderAction } from '../domain/purchase-order-status';
import { purchaseOrderSnapshot } from '../domain/purchase-orders';
import type { PurchaseOrderSnapshot, PurchaseOrderStatus } from '../domain/snapshots';
import { type OrderRow, selectOrder } from './repository';

export type StatusChangeDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'events'>;

/**
 * The order locked for `action`: 404 when it is not the tenant's, 409
 * `invalid_transition` when its status does not allow the action. Locking
 * first means two people acting at once are decided one after the other.
 */
export async function lockForAction(
  tx: Tx,
  tenantId: string,
  id: string,
  action: PurchaseOrderAction,
): Promise<OrderRow> {
  const order = await selectOrder(tx, tenantId, id, { forUpdate: true });
  if (!order) throw new NotFoundError('Purchase order');
  assertCanTake(order.status, action);
  return order;
}

/**
 * Moves the order to `status`, setting the given columns too (names are
 * this module's callers' constants, values are bound), and bumps the version.
 */
export async function writeStatus(
  tx: Tx,
  tenantId: string,
  id: string,
  status: PurchaseOrderStatus,
  columns: Record<string, unknown> = {},
): Promise<void> {
  const names = Object.keys(columns);
  const sets = names.map((name, index) => `${name} = $${index + 4}`);
  await tx.query(
    `update invantray.purchase_orders
     set ${['status = $3', ...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
     where tenant_id = $1 and id = $2`,
    [tenantId, id, status, ...names.map((name) => columns[name])],
  );
}

/** The snapshot events carry after a change, and the audit record of it. */
export async function auditedSnapshot(
  deps: StatusChangeDeps,
  id: string,
  action: string,
  details: Record<string, unknown> = {},
): Promise<PurchaseOrderSnapshot> {
  const snapshot = await purchaseOrderSnapshot(deps.tx, deps.principal.tenantId, id);
  await recordAudit(deps.tx, deps.actor, {
    action: `invantray.purchase_order.${action}`,
    targetType: 'invantray.purchase_order',
    targetId: id,
    details: { number: snapshot.number, status: snapshot.status, ...details },
  });
  return snapshot;
}
