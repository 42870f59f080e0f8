import type { Tx } from '@halooid/shared/db/transaction';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import { lockCount } from './repository';
import type { CountStatus } from './schemas';

const STATUS_WORDS: Record<CountStatus, string> = {
  open: 'still open',
  pending_approval: 'waiting for approval',
  posted: 'already posted',
  cancelled: 'cancelled',
};

/**
 * Locks the count and checks it is in one of `allowed` (409
 * `count_status` otherwise, naming where it is); 404 when it is not the tenant's.
 */
export async function lockCountIn(
  tx: Tx,
  tenantId: string,
  id: string,
  allowed: readonly CountStatus[],
  action: string,
): Promise<{ status: CountStatus; submittedBy: string | null }> {
  const count = await lockCount(tx, tenantId, id);
  if (!count) throw new NotFoundError('Count');
  if (!allowed.includes(count.status))
    throw new ConflictError(
      `The count is ${STATUS_WORDS[count.status]}: it cannot be ${action}.`,
      'count_status',
      { countStatus: count.status },
    );
  return { status: count.status, submittedBy: count.submitted_by };
}
