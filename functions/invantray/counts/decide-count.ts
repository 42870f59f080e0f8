import { ForbiddenError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { auditCount } from './audit-count';
import { countFor } from './get-count';
import { postCount } from './post-count';
import { lockCountIn } from './require-status';
import type { Count, DecisionInput } from './schemas';

export type DecideCountDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'events' | 'actor'>;

const userOf = (principal: DecideCountDeps['principal']) =>
  principal.principalType === 'user' ? principal.principalId : null;

/**
 * Approves a count waiting for approval and posts it (post-count.ts). Four
 * eyes: whoever submitted it cannot approve it, whatever their grants.
 */
export async function approveCount(
  countId: string,
  input: DecisionInput,
  deps: DecideCountDeps,
): Promise<Count> {
  const { tx, principal } = deps;
  const count = await lockCountIn(tx, principal.tenantId, countId, ['pending_approval'], 'approved');
  const approver = userOf(principal);
  if (count.submittedBy !== null && count.submittedBy === approver)
    throw new ForbiddenError(
      'You submitted this count, so you cannot approve it: another holder of invantray:stock:adjust must.',
    );
  await tx.query('update invantray.stock_counts set decision_note = $3 where tenant_id = $1 and id = $2', [
    principal.tenantId,
    countId,
    input?.note ?? null,
  ]);
  await postCount(deps, { id: countId, approvedBy: approver });
  return audited(deps, 'approved', countId);
}

/** Sends a count waiting for approval back to counting (`open`); what was counted stays, so lines can be recounted. */
export async function rejectCount(
  countId: string,
  input: DecisionInput,
  deps: DecideCountDeps,
): Promise<Count> {
  const { tx, principal } = deps;
  await lockCountIn(tx, principal.tenantId, countId, ['pending_approval'], 'rejected');
  await tx.query(
    `update invantray.stock_counts
     set status = 'open', submitted_by = null, submitted_at = null, variance_value = null, decision_note = $3,
         version = version + 1, updated_at = now()
     where tenant_id = $1 and id = $2`,
    [principal.tenantId, countId, input?.note ?? null],
  );
  await tx.query(
    'update invantray.stock_count_lines set unit_cost = null where tenant_id = $1 and count_id = $2',
    [principal.tenantId, countId],
  );
  return audited(deps, 'rejected', countId);
}

/** Abandons an open or submitted count; nothing is posted. A posted count is history: 409. */
export async function cancelCount(
  countId: string,
  input: DecisionInput,
  deps: DecideCountDeps,
): Promise<Count> {
  const { tx, principal } = deps;
  await lockCountIn(tx, principal.tenantId, countId, ['open', 'pending_approval'], 'cancelled');
  await tx.query(
    `update invantray.stock_counts
     set status = 'cancelled', decision_note = $3, version = version + 1, updated_at = now()
     where tenant_id = $1 and id = $2`,
    [principal.tenantId, countId, input?.note ?? null],
  );
  return audited(deps, 'cancelled', countId);
}

/** The count as the caller sees it, once its audit record is written. */
async function audited(
  deps: DecideCountDeps,
  verb: 'approved' | 'rejected' | 'cancelled',
  countId: string,
): Promise<Count> {
  const count = await countFor(deps.tx, deps.principal, countId);
  await auditCount(deps, verb, count);
  return count;
}
