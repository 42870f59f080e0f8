import { NotFoundError } from '@halooid/shared/errors';
import { withAwayWarning } from '../domain/assignee-away';
import { findVisibleTask } from '../domain/project-access';
import { applyChange, recordChanges } from '../domain/task-changes';
import type { TaskChanges } from '../domain/task-repository';
import type { TaskDeps } from '../domain/task-rules';
import type { TaskResult } from '../domain/task-schemas';

/** PATCH: the task read visible and locked, the change checked and written, its timeline and events recorded. */
export async function changeTask(
  taskId: string,
  version: number,
  requested: TaskChanges,
  deps: TaskDeps,
): Promise<TaskResult> {
  const current = await findVisibleTask(deps.tx, deps.principal, taskId, { forUpdate: true });
  if (!current) throw new NotFoundError('Task');
  const change = await applyChange(current, version, requested, deps);
  await recordChanges([change], deps);
  return withAwayWarning(change.after, deps, change.before);
}
