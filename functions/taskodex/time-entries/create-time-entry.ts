import { ValidationError } from '@halooid/shared/errors';
import { assertUser, type TimeDeps } from '../domain/time-access';
import { findRunningEntry, insertTimeEntry, lockUserTimer } from '../domain/time-entry-repository';
import type { CreateTimeEntryInput, TimeEntry } from '../domain/time-entry-schemas';
import { taskodexEvents } from '../events';
import { assertWeekOpen, reload, resolveTarget, stopRunning } from './time-entry-rules';
import { assertNotFuture, assertSpan, timerEnd, toWholeSecond } from './time-rules';

/**
 * Starts a timer (no end, no duration) or logs finished time. Starting a
 * timer stops the one already running, in the same transaction.
 */
export async function createTimeEntry(input: CreateTimeEntryInput, deps: TimeDeps): Promise<TimeEntry> {
  assertUser(deps.principal);
  const { tenantId, principalId: userId } = deps.principal;
  const now = toWholeSecond(deps.now());
  const target = await resolveTarget(deps, input.taskId, input.projectId);
  const startedAt = toWholeSecond(input.startedAt ? new Date(input.startedAt) : now);
  assertNotFuture(startedAt, now, 'body.startedAt');
  const isTimer = input.endedAt === undefined && input.durationSeconds === undefined;
  let endedAt: Date | null = null;
  if (!isTimer) {
    endedAt = toWholeSecond(
      input.endedAt
        ? new Date(input.endedAt)
        : new Date(startedAt.getTime() + (input.durationSeconds ?? 0) * 1000),
    );
    assertSpan(startedAt, endedAt, 'body.endedAt');
  } else if (now.getTime() - startedAt.getTime() > 24 * 3600 * 1000) {
    throw new ValidationError('A timer cannot start more than 24 hours ago; log the time instead.', [
      { field: 'body.startedAt', message: 'At most 24 hours ago for a timer.', code: 'timer_too_old' },
    ]);
  }

  await lockUserTimer(deps.tx, tenantId, userId);
  await assertWeekOpen(deps, userId, startedAt);
  if (isTimer) {
    const running = await findRunningEntry(deps.tx, tenantId, userId);
    if (running) {
      // It ends where the new one starts (or now), never before its own start.
      const end = new Date(Math.min(now.getTime(), startedAt.getTime()));
      await stopRunning(deps, running, timerEnd(new Date(running.startedAt), end));
    }
  }
  const id = deps.newId();
  await insertTimeEntry(deps.tx, {
    tenantId,
    id,
    userId,
    taskId: target.taskId,
    projectId: target.projectId,
    description: input.description,
    startedAt,
    endedAt,
    billable: input.billable ?? target.projectBillable,
    tags: input.tags,
  });
  const entry = await reload(deps, id);
  await deps.events.record(taskodexEvents, isTimer ? 'time-entry.started' : 'time-entry.logged', { entry });
  return entry;
}
