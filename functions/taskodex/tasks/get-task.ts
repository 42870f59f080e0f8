import { NotFoundError } from '@halooid/shared/errors';
import { findVisibleTask } from '../domain/project-access';
import type { TaskDeps } from '../domain/task-rules';
import type { Task } from '../domain/task-schemas';

/** A task the caller may see; a missing one and one in a private project they are not part of are both 404. */
export async function getTask(taskId: string, deps: TaskDeps): Promise<Task> {
  const task = await findVisibleTask(deps.tx, deps.principal, taskId);
  if (!task) throw new NotFoundError('Task');
  return task;
}
