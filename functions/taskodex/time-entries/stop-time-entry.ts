import { ConflictError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import { assertUser, type TimeDeps } from '../domain/time-access';
import { findTimeEntry, lockUserTimer } from '../domain/time-entry-repository';
import type { TimeEntry } from '../domain/time-entry-schemas';
import { stopRunning } from './time-entry-rules';
import { timerEnd } from './time-rules';

/** Stops the caller's own running timer now. */
export async function stopTimeEntry(id: string, deps: TimeDeps): Promise<TimeEntry> {
  assertUser(deps.principal);
  const { tenantId, principalId } = deps.principal;
  await lockUserTimer(deps.tx, tenantId, principalId);
  const entry = await findTimeEntry(deps.tx, tenantId, id, { forUpdate: true });
  if (!entry) throw new NotFoundError('Time entry');
  if (entry.userId !== principalId) throw new ForbiddenError('You can only stop your own timer.');
  if (!entry.running) throw new ConflictError('This timer is not running.', 'timer_not_running');
  return stopRunning(deps, entry, timerEnd(new Date(entry.startedAt), deps.now()));
}
