import { uuidv7 } from '@halooid/shared/ids';
import { taskodexEvents } from '../events';
import { withAwayWarning } from './assignee-away';
import { completedEvent, type TaskEvent } from './task-changes';
import { insertCreatedTask } from './task-repository';
import { assertAssignable, assertParent, contextFor, placementOf, type TaskDeps } from './task-rules';
import type { CreateTaskInput, TaskResult } from './task-schemas';
import { assertStatusIn, type WorkflowState } from './workflow';

/**
 * A create is at most four round trips after BEGIN: the checks (one read,
 * none without project, assignee or parent), the insert with its timeline
 * entry, the events, COMMIT. The number is allocated at the insert, so the
 * counter row's lock is held over the last two only.
 */
export async function createTask(input: CreateTaskInput, deps: TaskDeps): Promise<TaskResult> {
  const context = await contextFor(deps, input);
  const placement = placementOf(deps, context, input.projectId);
  const status = input.status ?? (placement.workflow[0] as WorkflowState).key;
  assertStatusIn(placement.workflow, status);
  assertAssignable(context, input.assigneeId, placement);
  await assertParent(deps, context, input.parentId, input.projectId);
  const task = await insertCreatedTask(
    deps.tx,
    {
      ...input,
      status,
      id: deps.newId(),
      tenantId: deps.principal.tenantId,
      createdBy: deps.principal.principalId,
    },
    uuidv7(),
  );
  const events: TaskEvent[] = [{ type: 'task.created', data: { task } }];
  if (task.assigneeId)
    events.push({
      type: 'task.assigned',
      data: { taskId: task.id, title: task.title, assigneeId: task.assigneeId, previousAssigneeId: null },
    });
  if (task.statusGroup === 'completed') events.push(completedEvent(task));
  await deps.events.recordAll(taskodexEvents, events);
  return withAwayWarning(task, deps);
}
