import { assertUser, type TimeDeps } from '../domain/time-access';
import { softDeleteTimeEntry } from '../domain/time-entry-repository';
import { taskodexEvents } from '../events';
import { loadForChange } from './time-entry-rules';

/** Soft-deletes an unlocked entry of the caller's own (or, for an approver, anyone's). */
export async function deleteTimeEntry(id: string, deps: TimeDeps): Promise<void> {
  assertUser(deps.principal);
  const current = await loadForChange(id, deps);
  await softDeleteTimeEntry(deps.tx, deps.principal.tenantId, id);
  await deps.events.record(taskodexEvents, 'time-entry.deleted', {
    timeEntryId: current.id,
    userId: current.userId,
  });
}
