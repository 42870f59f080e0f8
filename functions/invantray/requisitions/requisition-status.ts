/**
 * A requisition's life as a pure rule: draft → submitted → approved → ordered,
 * or rejected by a buyer, or cancelled by its requester before it is ordered.
 * Routes check the from-status here (409 `invalid_transition` otherwise) and
 * the web shows the buttons `allowedActions` names.
 */
export const REQUISITION_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'ordered',
  'cancelled',
] as const;
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];

export const REQUISITION_ACTIONS = ['edit', 'submit', 'cancel', 'approve', 'reject', 'order'] as const;
export type RequisitionAction = (typeof REQUISITION_ACTIONS)[number];

/** The statuses each action starts from. */
const FROM: Record<RequisitionAction, readonly RequisitionStatus[]> = {
  edit: ['draft'],
  submit: ['draft'],
  cancel: ['draft', 'submitted', 'approved'],
  approve: ['submitted'],
  reject: ['submitted'],
  order: ['approved'],
};

/** Where each action leads (edit stays where it is). */
const TO: Record<RequisitionAction, RequisitionStatus | null> = {
  edit: null,
  submit: 'submitted',
  cancel: 'cancelled',
  approve: 'approved',
  reject: 'rejected',
  order: 'ordered',
};

/** Who may take each action: the requester their own, a buyer (`procurement:order`) anyone else's. */
const BY: Record<RequisitionAction, 'requester' | 'buyer'> = {
  edit: 'requester',
  submit: 'requester',
  cancel: 'requester',
  approve: 'buyer',
  reject: 'buyer',
  order: 'buyer',
};

export function startsFrom(action: RequisitionAction, status: RequisitionStatus): boolean {
  return FROM[action].includes(status);
}

export function nextStatus(action: RequisitionAction, status: RequisitionStatus): RequisitionStatus {
  return TO[action] ?? status;
}

export function takenBy(action: RequisitionAction): 'requester' | 'buyer' {
  return BY[action];
}

/**
 * What the caller may do next: the requester edits, submits and cancels their
 * own; a buyer approves, rejects and orders, but never decides on their own
 * requisition (someone else must approve what they asked for). Ordering
 * follows approval, so a buyer who approved may order.
 */
export function allowedActions(
  status: RequisitionStatus,
  caller: { isRequester: boolean; isBuyer: boolean },
): RequisitionAction[] {
  return REQUISITION_ACTIONS.filter((action) => {
    if (!startsFrom(action, status)) return false;
    if (takenBy(action) === 'requester') return caller.isRequester;
    if (action === 'order') return caller.isBuyer;
    return caller.isBuyer && !caller.isRequester;
  });
}
