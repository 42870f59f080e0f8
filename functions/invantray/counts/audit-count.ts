import { recordAudit } from '@halooid/shared/audit';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { Count } from './schemas';

/**
 * One audit record per count request, named by its number and the status it
 * left the count in: the lines themselves stay on the count (and, once
 * posted, in the ledger), so the record says who moved it along, not what
 * was counted.
 */
export async function auditCount(
  deps: Pick<RequestDeps, 'tx' | 'actor'>,
  verb: 'started' | 'counted' | 'submitted' | 'approved' | 'rejected' | 'cancelled',
  count: Count,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(deps.tx, deps.actor, {
    action: `invantray.count.${verb}`,
    targetType: 'invantray.count',
    targetId: count.id,
    details: { number: count.number, status: count.status, ...details },
  });
}
