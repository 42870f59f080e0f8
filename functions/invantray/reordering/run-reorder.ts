import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { checkReorder } from './check-reorder';
import type { ReorderRunResult } from './schemas';

export type RunReorderDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'events' | 'now'>;

/** POST /reorder/run: the tenant's whole reorder check now, as the scheduled job would run it. */
export function runReorder(deps: RunReorderDeps): Promise<ReorderRunResult> {
  const { principal } = deps;
  return checkReorder({
    tx: deps.tx,
    tenantId: principal.tenantId,
    userId: principal.principalType === 'user' ? principal.principalId : null,
    newId: deps.newId,
    events: deps.events,
    today: deps.now().toISOString().slice(0, 10),
  });
}
