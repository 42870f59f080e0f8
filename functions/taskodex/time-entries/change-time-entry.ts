import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import { assertUser, type TimeDeps } from '../domain/time-access';
import { type TimeEntryChanges, updateTimeEntry } from '../domain/time-entry-repository';
import type { TimeEntry, UpdateTimeEntryInput } from '../domain/time-entry-schemas';
import { taskodexEvents } from '../events';
import { assertWeekOpen, loadForChange, reload, resolveTarget } from './time-entry-rules';
import { assertNotFuture, assertSpan, toWholeSecond } from './time-rules';

/** The fields `time-entry.updated` reports as changed. */
const TRACKED: (keyof TimeEntry)[] = [
  'taskId',
  'projectId',
  'description',
  'startedAt',
  'endedAt',
  'billable',
  'tags',
];

/**
 * PATCH: the owner (or an approver) changes an unlocked entry; re-booking it
 * resolves the task and project again, and moving it into a submitted or
 * approved week is refused.
 */
export async function changeTimeEntry(
  id: string,
  version: number,
  input: Omit<UpdateTimeEntryInput, 'version'>,
  deps: TimeDeps,
): Promise<TimeEntry> {
  assertUser(deps.principal);
  const current = await loadForChange(id, deps);
  if (current.version !== version)
    throw new ConflictError(
      `The time entry changed since you read it (you sent version ${version}, it is now ${current.version}). Reload and try again.`,
      'version_conflict',
    );
  const changes: TimeEntryChanges = {
    description: input.description,
    billable: input.billable,
    tags: input.tags,
  };
  if (input.taskId !== undefined || input.projectId !== undefined) {
    // Re-booking: a new task decides the project; clearing the task keeps the project unless it changes too.
    const taskId = input.taskId === undefined ? current.taskId : input.taskId;
    const projectId =
      input.projectId !== undefined
        ? input.projectId
        : input.taskId !== undefined && taskId
          ? null
          : current.projectId;
    const target = await resolveTarget(deps, taskId, projectId);
    changes.taskId = target.taskId;
    changes.projectId = target.projectId;
  }
  const now = toWholeSecond(deps.now());
  const startedAt = toWholeSecond(new Date(input.startedAt ?? current.startedAt));
  if (input.startedAt !== undefined) {
    assertNotFuture(startedAt, now, 'body.startedAt');
    changes.startedAt = startedAt;
  }
  let endedAt = current.endedAt ? new Date(current.endedAt) : null;
  if (input.endedAt !== undefined) endedAt = toWholeSecond(new Date(input.endedAt));
  else if (input.durationSeconds !== undefined)
    endedAt = new Date(startedAt.getTime() + input.durationSeconds * 1000);
  if (endedAt) {
    assertSpan(
      startedAt,
      endedAt,
      input.durationSeconds !== undefined ? 'body.durationSeconds' : 'body.endedAt',
    );
    if (input.endedAt !== undefined || input.durationSeconds !== undefined) changes.endedAt = endedAt;
  }
  if (changes.startedAt) await assertWeekOpen(deps, current.userId, startedAt);

  if (!(await updateTimeEntry(deps.tx, deps.principal.tenantId, id, version, changes)))
    throw new NotFoundError('Time entry');
  const updated = await reload(deps, id);
  const changed = TRACKED.filter(
    (field) => JSON.stringify(current[field]) !== JSON.stringify(updated[field]),
  );
  if (changed.length > 0)
    await deps.events.record(taskodexEvents, 'time-entry.updated', { entry: updated, changes: changed });
  return updated;
}
