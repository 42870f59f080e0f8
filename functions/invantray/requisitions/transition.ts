import { ConflictError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { type Caller, callerOf, isRequester, requireRequester } from './caller';
import { type RequisitionRow, selectRequisitionRow } from './repository';
import { type RequisitionAction, startsFrom, takenBy } from './requisition-status';

export type RequisitionDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'events' | 'now'>;

/**
 * The requisition an action is about, locked until the transaction ends so
 * two actions on it queue: 404 when the caller may not see it, 403 when the
 * action is not theirs to take (the requester's own; a buyer never decides on
 * what they asked for themselves), 409 `invalid_transition` from a status the
 * action does not start from.
 */
export async function lockForAction(
  deps: RequisitionDeps,
  id: string,
  action: RequisitionAction,
): Promise<{ caller: Caller; row: RequisitionRow }> {
  const caller = callerOf(deps.principal);
  const row = await selectRequisitionRow(deps.tx, caller, id, { forUpdate: true });
  if (!row) throw new NotFoundError('Requisition');
  if (takenBy(action) === 'requester') requireRequester(caller, row.requested_by);
  else if (action !== 'order' && isRequester(caller, row.requested_by))
    throw new ForbiddenError('You asked for this requisition: another buyer must approve or reject it.');
  if (!startsFrom(action, row.status))
    throw new ConflictError(`A ${row.status} requisition cannot be ${PAST[action]}.`, 'invalid_transition', {
      // Not `status`: that member of a problem is its HTTP status.
      currentStatus: row.status,
      action,
    });
  return { caller, row };
}

const PAST: Record<RequisitionAction, string> = {
  edit: 'changed',
  submit: 'submitted',
  cancel: 'cancelled',
  approve: 'approved',
  reject: 'rejected',
  order: 'ordered',
};
