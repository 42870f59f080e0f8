import { NotFoundError } from '@halooid/shared/errors';
import { findVisibleTask } from '../domain/project-access';
import { recordActivity } from '../domain/task-activity';
import { softDeleteTask } from '../domain/task-repository';
import { placementFor, type TaskDeps } from '../domain/task-rules';
import { taskodexEvents } from '../events';

/** Soft-deletes a task the caller may write (the same placement rule as a change), with its timeline entry and event. */
export async function deleteTask(taskId: string, deps: TaskDeps): Promise<void> {
  const { tx, principal } = deps;
  const current = await findVisibleTask(tx, principal, taskId, { forUpdate: true });
  if (!current) throw new NotFoundError('Task');
  await placementFor(deps, current.projectId, 'params.taskId');
  if (!(await softDeleteTask(tx, principal.tenantId, taskId))) throw new NotFoundError('Task');
  await recordActivity(tx, {
    tenantId: principal.tenantId,
    taskId,
    actorId: principal.principalId,
    kind: 'deleted',
  });
  await deps.events.record(taskodexEvents, 'task.deleted', { taskId: current.id, title: current.title });
}
