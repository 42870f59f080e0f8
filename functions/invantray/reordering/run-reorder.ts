import { recordAudit } from '@halooid/shared/audit';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { checkReorder } from './check-reorder';
import type { ReorderRunResult } from './schemas';

export type RunReorderDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'events' | 'now' | 'actor'>;

/**
 * POST /reorder/run: the tenant's whole reorder check now, as the scheduled
 * job would run it. Audited here, not in checkReorder: the job and the
 * stock.moved subscription run it too, and only this run is someone's request.
 */
export async function runReorder(deps: RunReorderDeps): Promise<ReorderRunResult> {
  const { principal } = deps;
  const result = await checkReorder({
    tx: deps.tx,
    tenantId: principal.tenantId,
    userId: principal.principalType === 'user' ? principal.principalId : null,
    newId: deps.newId,
    events: deps.events,
    today: deps.now().toISOString().slice(0, 10),
  });
  await recordAudit(deps.tx, deps.actor, {
    action: 'invantray.reorder.run',
    targetType: 'invantray.reorder',
    details: {
      checked: result.checked,
      shortfalls: result.shortfalls.length,
      purchaseOrdersCreated: result.purchaseOrdersCreated,
    },
  });
  return result;
}
