import { AppError, type FieldError } from '@halooid/shared/errors';
import { findVisibleTask } from '../domain/project-access';
import { applyChange, recordChanges, type TaskChange } from '../domain/task-changes';
import type { TaskDeps } from '../domain/task-rules';
import type { Task, UpdateTaskInput } from '../domain/task-schemas';
import type { BulkPatch, BulkUpdateInput } from './schemas';

/** Labels after the patch: a replacement, or additions and removals on the task's own labels. */
export function labelsAfter(current: readonly string[], patch: BulkPatch): string[] | undefined {
  if (patch.labels) return patch.labels;
  if (!patch.addLabels && !patch.removeLabels) return undefined;
  const removed = new Set(patch.removeLabels ?? []);
  return [...new Set([...current, ...(patch.addLabels ?? [])])].filter((label) => !removed.has(label));
}

/** One 422 naming every offending task: the client fixes them all in one round. */
function bulkFailed(failures: { id: string; error: FieldError }[]): AppError {
  const ids = failures.map((failure) => failure.id).join(', ');
  return new AppError(
    422,
    'bulk_update_failed',
    `Nothing was changed: ${failures.length} task(s) cannot take this change (${ids}).`,
    { errors: failures.map((failure) => failure.error) },
  );
}

/**
 * Changes up to 100 tasks all-or-nothing, through the same use case as a
 * single PATCH (so validation, events and the activity timeline match). The
 * caller's transaction holds it all: every task is checked, each change runs
 * behind a savepoint so one failure does not hide the next, and any failure
 * throws, rolling every change back. Rows are locked in id order, so two bulk
 * updates over overlapping tasks queue instead of deadlocking. The changes
 * are recorded together once all succeeded: one timeline insert and one
 * outbox insert for the lot (they were one each per task, up to 400 events).
 */
export async function bulkUpdateTasks(
  input: BulkUpdateInput,
  deps: TaskDeps,
): Promise<{ updated: number; items: Task[] }> {
  const position = new Map(input.ids.map((id, index) => [id, index]));
  const ids = [...input.ids].sort();
  const field = (id: string) => `body.ids.${position.get(id)}`;

  const found = new Map<string, Task>();
  const missing: { id: string; error: FieldError }[] = [];
  for (const id of ids) {
    const task = await findVisibleTask(deps.tx, deps.principal, id, { forUpdate: true });
    if (task) found.set(id, task);
    else
      missing.push({
        id,
        error: { field: field(id), message: `Task ${id} was not found.`, code: 'not_found' },
      });
  }
  if (missing.length > 0) throw bulkFailed(missing);

  const { labels: _labels, addLabels: _add, removeLabels: _remove, ...rest } = input.patch;
  const updated = new Map<string, TaskChange>();
  const failed: { id: string; error: FieldError }[] = [];
  for (const id of ids) {
    const task = found.get(id) as Task;
    const labels = labelsAfter(task.labels, input.patch);
    const changes: Omit<UpdateTaskInput, 'version'> = { ...rest, ...(labels ? { labels } : {}) };
    await deps.tx.query('savepoint bulk_task');
    try {
      // The row was read visible and locked above, in this transaction: no second read.
      updated.set(id, await applyChange(task, task.version, changes, deps));
      await deps.tx.query('release savepoint bulk_task');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await deps.tx.query('rollback to savepoint bulk_task');
      failed.push({
        id,
        error: { field: field(id), message: `Task ${id}: ${error.message}`, code: error.code },
      });
    }
  }
  if (failed.length > 0) throw bulkFailed(failed);
  await recordChanges([...updated.values()], deps);
  return { updated: updated.size, items: input.ids.map((id) => (updated.get(id) as TaskChange).after) };
}
