import { recordAudit } from '@halooid/shared/audit';
import { invantrayEvents } from '../events';
import { setStatus } from './repository';
import type { Requisition } from './schemas';
import { reload } from './submit-requisition';
import { lockForAction, type RequisitionDeps } from './transition';

/**
 * A buyer approves or rejects a submitted requisition (never one they asked
 * for themselves). The decision, its maker and note (a rejection's reason)
 * are kept on the requisition, and `requisition.decided` tells the requester.
 */
export async function decideRequisition(
  id: string,
  decision: { decision: 'approved' | 'rejected'; note: string | null },
  deps: RequisitionDeps,
): Promise<Requisition> {
  const { tx } = deps;
  const { caller, row } = await lockForAction(
    deps,
    id,
    decision.decision === 'approved' ? 'approve' : 'reject',
  );
  await setStatus(tx, caller.tenantId, id, decision.decision, { by: caller.userId, note: decision.note });
  await deps.events.record(invantrayEvents, 'requisition.decided', {
    requisitionId: id,
    number: row.number,
    requestedBy: row.requested_by,
    decision: decision.decision,
    decidedBy: caller.userId,
    note: decision.note,
  });
  await recordAudit(tx, deps.actor, {
    action: `invantray.requisition.${decision.decision}`,
    targetType: 'invantray.requisition',
    targetId: id,
    ...(decision.note ? { details: { note: decision.note } } : {}),
  });
  return reload(deps, caller, id);
}
