import { ConflictError } from '@halooid/shared/errors';
import { approvalRefusal, type RequiredApproval } from './approval';
import type { PurchaseOrderStatus } from './snapshots';

/**
 * The purchase order's life as a pure state machine:
 *
 *   draft → submitted → approved → sent → partially_received → received → closed
 *     ↑  reject ↩︎                                                      (or cancelled)
 *
 * `submit` goes straight to `approved` when the order needs no approval.
 * Receiving (sent/partially_received → partially_received/received) is the
 * receiving capability's; this module names the actions people take by hand.
 */
export const PURCHASE_ORDER_ACTIONS = ['submit', 'approve', 'reject', 'send', 'cancel', 'close'] as const;
export type PurchaseOrderAction = (typeof PURCHASE_ORDER_ACTIONS)[number];

const FROM: Record<PurchaseOrderAction, readonly PurchaseOrderStatus[]> = {
  submit: ['draft'],
  approve: ['submitted'],
  reject: ['submitted'],
  send: ['approved'],
  // Only before anything arrived: the action also checks that no line has a received quantity.
  cancel: ['draft', 'submitted', 'approved', 'sent'],
  close: ['partially_received', 'received'],
};

/** Statuses goods may be received in (the receiving capability's rule, shown as an action here). */
export const RECEIVABLE_STATUSES: readonly PurchaseOrderStatus[] = ['sent', 'partially_received'];

export function canTake(status: PurchaseOrderStatus, action: PurchaseOrderAction): boolean {
  return FROM[action].includes(status);
}

/** The status after `action`; `submit` needs the required approval it decided. */
export function statusAfter(
  status: PurchaseOrderStatus,
  action: PurchaseOrderAction,
  requiredApproval: RequiredApproval = 'none',
): PurchaseOrderStatus {
  assertCanTake(status, action);
  switch (action) {
    case 'submit':
      return requiredApproval === 'none' ? 'approved' : 'submitted';
    case 'approve':
      return 'approved';
    case 'reject':
      return 'draft';
    case 'send':
      return 'sent';
    case 'cancel':
      return 'cancelled';
    case 'close':
      return 'closed';
  }
}

/** 409 `invalid_transition` naming the status and the action, when the order is not in a from-status. */
export function assertCanTake(status: PurchaseOrderStatus, action: PurchaseOrderAction): void {
  if (!canTake(status, action))
    throw new ConflictError(
      `A purchase order that is ${status.replace('_', ' ')} cannot be ${PAST[action]}; it must be ${FROM[action].join(', ').replaceAll('_', ' ')}.`,
      'invalid_transition',
      { currentStatus: status, action },
    );
}

const PAST: Record<PurchaseOrderAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  send: 'sent',
  cancel: 'cancelled',
  close: 'closed',
};

/** Everything a caller may do to an order, for the web's buttons: the actions plus `edit` and `receive`. */
export type CallerAction = PurchaseOrderAction | 'edit' | 'receive';

export interface OrderState {
  status: PurchaseOrderStatus;
  requiredApproval: RequiredApproval | null;
  createdBy: string | null;
  submittedBy: string | null;
  /** True while no line has any quantity received. */
  nothingReceived: boolean;
}

export interface Caller {
  userId: string | null;
  isOwner: boolean;
  mayOrder: boolean;
  mayApprove: boolean;
  mayReceive: boolean;
}

/** The actions `caller` may take on `order` now, in the order the web shows them. */
export function allowedActions(order: OrderState, caller: Caller): CallerAction[] {
  const actions: CallerAction[] = [];
  const { status } = order;
  if (caller.mayOrder) {
    if (status === 'draft') actions.push('edit');
    if (canTake(status, 'submit')) actions.push('submit');
    if (canTake(status, 'send')) actions.push('send');
  }
  if (caller.mayApprove && canTake(status, 'approve') && !approvalRefusal(order, caller)) {
    actions.push('approve', 'reject');
  }
  if (caller.mayReceive && RECEIVABLE_STATUSES.includes(status)) actions.push('receive');
  if (caller.mayOrder) {
    if (canTake(status, 'close')) actions.push('close');
    if (canTake(status, 'cancel') && order.nothingReceived) actions.push('cancel');
  }
  return actions;
}
