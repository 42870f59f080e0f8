import { ForbiddenError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { approvalRefusal } from '../domain/approval';
import { type PurchaseOrderAction, statusAfter } from '../domain/purchase-order-status';
import { invantrayEvents } from '../events';
import { isTenantOwner, userIdOf } from './caller';
import { readPurchaseOrder } from './get-purchase-order';
import type { OrderRow } from './repository';
import type { PurchaseOrder } from './schemas';
import { auditedSnapshot, lockForAction, type StatusChangeDeps, writeStatus } from './status-change';

export type DecidePurchaseOrderDeps = StatusChangeDeps & Pick<RequestDeps, 'now'>;

/**
 * The approver's checks beyond the route's permission, for approve and
 * reject alike: never the order's creator or submitter, a person (not an API
 * key), and an Owner of the tenant when the order is above the Owner level.
 * Each refusal is a 403 saying which rule it is.
 */
async function assertMayDecide(deps: DecidePurchaseOrderDeps, order: OrderRow): Promise<string> {
  const userId = userIdOf(deps.principal);
  const isOwner = order.required_approval === 'owner' ? await isTenantOwner(deps.tx, userId) : false;
  const refusal = approvalRefusal(
    {
      requiredApproval: order.required_approval,
      createdBy: order.created_by,
      submittedBy: order.submitted_by,
    },
    { userId, isOwner },
  );
  if (refusal || !userId) throw new ForbiddenError(refusal);
  return userId;
}

async function decide(
  id: string,
  action: Extract<PurchaseOrderAction, 'approve' | 'reject'>,
  deps: DecidePurchaseOrderDeps,
): Promise<{ order: OrderRow; userId: string }> {
  const order = await lockForAction(deps.tx, deps.principal.tenantId, id, action);
  const userId = await assertMayDecide(deps, order);
  return { order, userId };
}

/** Approves a submitted order (→ approved) and records `purchase-order.approved`. */
export async function approvePurchaseOrder(
  id: string,
  deps: DecidePurchaseOrderDeps,
): Promise<PurchaseOrder> {
  const { tx, principal } = deps;
  const { order, userId } = await decide(id, 'approve', deps);
  await writeStatus(tx, principal.tenantId, id, statusAfter(order.status, 'approve'), {
    approved_by: userId,
    approved_at: deps.now(),
  });
  const purchaseOrder = await auditedSnapshot(deps, id, 'approved');
  await deps.events.record(invantrayEvents, 'purchase-order.approved', { purchaseOrder, approvedBy: userId });
  return readPurchaseOrder(tx, principal, id);
}

/**
 * Sends a submitted order back to draft with a reason (the buyer hears it):
 * the approval decided at submit is cleared, since the edited order will be
 * decided again when it is submitted again.
 */
export async function rejectPurchaseOrder(
  id: string,
  reason: string,
  deps: DecidePurchaseOrderDeps,
): Promise<PurchaseOrder> {
  const { tx, principal } = deps;
  const { order, userId } = await decide(id, 'reject', deps);
  await writeStatus(tx, principal.tenantId, id, statusAfter(order.status, 'reject'), {
    required_approval: null,
    submitted_by: null,
    submitted_at: null,
  });
  const purchaseOrder = await auditedSnapshot(deps, id, 'rejected', { reason });
  await deps.events.record(invantrayEvents, 'purchase-order.rejected', {
    purchaseOrder,
    rejectedBy: userId,
    reason,
  });
  return readPurchaseOrder(tx, principal, id);
}
