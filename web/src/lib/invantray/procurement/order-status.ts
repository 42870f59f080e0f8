import type { MatchStatus, Order, OrderAction, OrderStatus, RequisitionStatus } from './types';

/**
 * How a purchase order's state shows: badge tones, the status timeline, the
 * action buttons (from the API's `allowedActions`, never guessed) and why an
 * approver sees no Approve button on an order they may otherwise approve.
 */
type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'draft',
  'submitted',
  'approved',
  'sent',
  'partially_received',
  'received',
  'closed',
  'cancelled',
];

export const ORDER_TONES: Record<OrderStatus, Tone> = {
  draft: 'neutral',
  submitted: 'warning',
  approved: 'accent',
  sent: 'accent',
  partially_received: 'warning',
  received: 'success',
  closed: 'neutral',
  cancelled: 'danger',
};

export const MATCH_TONES: Record<MatchStatus, Tone> = {
  pending: 'neutral',
  matched: 'success',
  quantity_mismatch: 'danger',
  price_mismatch: 'danger',
  mismatch: 'danger',
};

export const REQUISITION_TONES: Record<RequisitionStatus, Tone> = {
  draft: 'neutral',
  submitted: 'warning',
  approved: 'accent',
  rejected: 'danger',
  ordered: 'success',
  cancelled: 'neutral',
};

export interface TimelineStep {
  label: string;
  at: string | null;
  done: boolean;
}

/**
 * The order's way so far and ahead: created, submitted, approved, sent,
 * received, closed; a cancelled order ends at its cancellation. `done` marks
 * the steps it went through (an order approved at submit has no separate
 * submit time, but was submitted all the same).
 */
export function timeline(order: Order): TimelineStep[] {
  const reached = ORDER_STATUSES.indexOf(order.status);
  const past = (status: OrderStatus) =>
    order.status !== 'cancelled' && reached >= ORDER_STATUSES.indexOf(status);
  const steps: TimelineStep[] = [
    { label: 'Created', at: order.createdAt, done: true },
    { label: 'Submitted', at: order.submittedAt, done: Boolean(order.submittedAt) || past('submitted') },
    { label: 'Approved', at: order.approvedAt, done: Boolean(order.approvedAt) || past('approved') },
    { label: 'Sent', at: order.sentAt, done: Boolean(order.sentAt) || past('sent') },
    {
      label: order.status === 'partially_received' ? 'Partially received' : 'Received',
      at: order.receivedAt,
      done: past('partially_received'),
    },
    { label: 'Closed', at: order.closedAt, done: order.status === 'closed' },
  ];
  if (order.status !== 'cancelled') return steps;
  return [...steps.filter((step) => step.done), { label: 'Cancelled', at: order.cancelledAt, done: true }];
}

/** The action buttons, in the API's order: the main one primary, the destructive ones apart. */
export const ACTION_LABELS: Record<Exclude<OrderAction, 'edit' | 'receive'>, string> = {
  submit: 'Submit for approval',
  approve: 'Approve',
  reject: 'Reject…',
  send: 'Mark as sent',
  close: 'Close',
  cancel: 'Cancel order',
};

export type ButtonAction = keyof typeof ACTION_LABELS;

export function buttonActions(allowed: readonly OrderAction[]): ButtonAction[] {
  return allowed.filter((action): action is ButtonAction => action in ACTION_LABELS);
}

/** What the order became after an action, for the toast. */
export const ACTION_DONE: Record<ButtonAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'sent back to draft',
  send: 'marked as sent',
  close: 'closed',
  cancel: 'cancelled',
};

/**
 * Why someone holding the approve permission gets no Approve button on a
 * submitted order (separation of duties), or undefined when the API simply
 * lets them or they never could. The API says the same with a 403.
 */
export function approvalHint(
  order: Pick<Order, 'status' | 'createdBy' | 'submittedBy' | 'requiredApproval' | 'allowedActions'>,
  caller: { userId: string | undefined; mayApprove: boolean },
): string | undefined {
  if (order.status !== 'submitted' || order.allowedActions.includes('approve')) return undefined;
  if (!caller.mayApprove) return 'Waiting for an approver (someone with the approve permission).';
  if (caller.userId && caller.userId === order.createdBy)
    return 'You created this order; someone else must approve it.';
  if (caller.userId && caller.userId === order.submittedBy)
    return 'You submitted this order; someone else must approve it.';
  if (order.requiredApproval === 'owner')
    return 'This order is above the Owner approval level: only an Owner of the tenant may approve it.';
  return undefined;
}

/** The filter chips of the order list: each a set of statuses (`status=a,b` in the URL). */
export const STATUS_CHIPS: readonly { label: string; value: string }[] = [
  { label: 'All', value: '' },
  { label: 'Drafts', value: 'draft' },
  { label: 'Awaiting approval', value: 'submitted' },
  { label: 'Approved', value: 'approved' },
  { label: 'Open', value: 'sent,partially_received' },
  { label: 'Received', value: 'received' },
  { label: 'Closed', value: 'closed' },
  { label: 'Cancelled', value: 'cancelled' },
];
