import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { cancelScheduledChange } from './repository';

export type CancelJobChangeDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

/**
 * Cancels a scheduled change (it stays in the timeline as cancelled). An
 * applied one is history: undo it with a new change, so the timeline keeps
 * both (409 `not_scheduled`).
 */
export async function cancelJobChange(
  employeeId: string,
  changeId: string,
  deps: CancelJobChangeDeps,
): Promise<void> {
  const { tx, principal } = deps;
  const result = await cancelScheduledChange(
    tx,
    principal.tenantId,
    employeeId,
    changeId,
    principal.principalType === 'user' ? principal.principalId : null,
  );
  if (!result) throw new NotFoundError('Job change');
  if (!result.cancelled)
    throw new ConflictError(
      `Only a scheduled change can be cancelled; this one is ${result.status}. Record a new change to undo it.`,
      'not_scheduled',
    );
  await recordAudit(tx, deps.actor, {
    action: 'job_change.cancelled',
    targetType: 'employee',
    targetId: employeeId,
    details: { jobChangeId: changeId },
  });
}
