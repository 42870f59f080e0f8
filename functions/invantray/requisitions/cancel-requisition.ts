import { recordAudit } from '@halooid/shared/audit';
import { setStatus } from './repository';
import type { Requisition } from './schemas';
import { reload } from './submit-requisition';
import { lockForAction, type RequisitionDeps } from './transition';

/** The requester withdraws their requisition, any time before it is ordered. */
export async function cancelRequisition(id: string, deps: RequisitionDeps): Promise<Requisition> {
  const { caller } = await lockForAction(deps, id, 'cancel');
  await setStatus(deps.tx, caller.tenantId, id, 'cancelled');
  await recordAudit(deps.tx, deps.actor, {
    action: 'invantray.requisition.cancelled',
    targetType: 'invantray.requisition',
    targetId: id,
  });
  return reload(deps, caller, id);
}
