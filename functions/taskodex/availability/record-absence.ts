import type { Tx } from '@halooid/shared/db/transaction';
import type { EventEnvelope } from '@halooid/shared/events/envelope';
import type { Logger } from '@halooid/shared/observability';
import { deleteAbsence, upsertAbsence } from './repository';
import { TimeOffDecision } from './schemas';

/**
 * What Taskodex shows for any absence. Not the leave type: every reader of
 * tasks (viewers included) sees the list, and "Sick leave" next to a
 * colleague's name is personal data Qultrix keeps behind HR permissions.
 */
export const ABSENCE_LABEL = 'Time off';

/**
 * An approved time-off request makes its person away for its days (the
 * request id keys the row, so a re-approval replaces it and a replay writes
 * the same row again); a cancelled one removes it. A request of an employee
 * without a platform user concerns nobody Taskodex can assign, so it is
 * skipped. Half days (and requests in hours) count as away: the person is out for part of that day.
 */
export async function recordTimeOffDecision(
  event: Pick<EventEnvelope, 'type' | 'tenantId' | 'data'>,
  context: { tx: Tx; logger: Logger },
): Promise<void> {
  const request = TimeOffDecision.parse(event.data);
  if (event.type === 'time-off.cancelled') {
    await deleteAbsence(context.tx, event.tenantId, request.requestId);
    return;
  }
  if (!request.userId) {
    context.logger.info('Time off of an employee without a platform user skipped', {
      requestId: request.requestId,
    });
    return;
  }
  await upsertAbsence(context.tx, {
    tenantId: event.tenantId,
    sourceId: request.requestId,
    userId: request.userId,
    startDate: request.start,
    endDate: request.end,
    label: ABSENCE_LABEL,
  });
}
