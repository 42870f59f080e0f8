import { recordAudit } from '@halooid/shared/audit';
import { invantrayEvents } from '../events';
import { loadRequisition, selectRequisitionRow, setStatus } from './repository';
import type { Requisition } from './schemas';
import { lockForAction, type RequisitionDeps } from './transition';

/** The requester sends their draft to the buyers: submitted, and `requisition.submitted` is recorded. */
export async function submitRequisition(id: string, deps: RequisitionDeps): Promise<Requisition> {
  const { tx } = deps;
  const { caller, row } = await lockForAction(deps, id, 'submit');
  await setStatus(tx, caller.tenantId, id, 'submitted');
  await deps.events.record(invantrayEvents, 'requisition.submitted', {
    requisitionId: id,
    number: row.number,
    requestedBy: row.requested_by,
  });
  await recordAudit(tx, deps.actor, {
    action: 'invantray.requisition.submitted',
    targetType: 'invantray.requisition',
    targetId: id,
  });
  return reload(deps, caller, id);
}

/** The requisition as it is now, for the answer. */
export async function reload(
  deps: RequisitionDeps,
  caller: Parameters<typeof loadRequisition>[1],
  id: string,
): Promise<Requisition> {
  const row = await selectRequisitionRow(deps.tx, caller, id);
  if (!row) throw new Error(`Requisition ${id} vanished in its own transaction.`);
  return loadRequisition(deps.tx, caller, row);
}
