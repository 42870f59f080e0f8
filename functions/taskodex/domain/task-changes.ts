import { BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import type { EventOf } from '@halooid/shared/events/outbox';
import { taskodexEvents } from '../events';
import { recordActivities } from './task-activity';
import { hasSubtasks, type TaskChanges, updateTask } from './task-repository';
import {
  assertAssignable,
  assertParent,
  carryStatus,
  contextFor,
  endOfColumn,
  placementFor,
  placementOf,
  type TaskDeps,
} from './task-rules';
import type { Task } from './task-schemas';
import { assertStatusIn } from './workflow';

/*
 * Changing a task and leaving its trace: applyChange checks and writes one
 * change, recordChanges writes the timeline entries and events of any number
 * of them. PATCH, the bulk update and a workflow replacement all go through
 * here, so each leaves exactly the same trace.
 */

export type TaskEvent = EventOf<typeof taskodexEvents>;

export function completedEvent(task: Task): TaskEvent {
  return {
    type: 'task.completed',
    data: { taskId: task.id, title: task.title, assigneeId: task.assigneeId },
  };
}

/** The fields the timeline and `task.updated` report; completedAt and statusGroup follow from status. */
const TRACKED_FIELDS = [
  'title',
  'description',
  'status',
  'priority',
  'assigneeId',
  'startDate',
  'dueDate',
  'estimateHours',
  'labels',
  'projectId',
  'identifier',
  'parentId',
  'position',
] as const satisfies readonly (keyof Task)[];

/** A task as read (locked) before a change and as the change wrote it. */
export interface TaskChange {
  before: Task;
  after: Task;
}

/**
 * Records what changes did: a timeline entry per changed field (one insert
 * for all of them), then each task's events (one insert for all of them, in
 * task order). Exported for changes written set-based elsewhere (a workflow
 * replacement moving tasks out of removed states) and for the bulk update,
 * so they leave exactly the trace a PATCH leaves.
 */
export async function recordChanges(changed: readonly TaskChange[], deps: TaskDeps): Promise<void> {
  const traced = changed
    .map(({ before, after }) => ({
      before,
      after,
      changes: TRACKED_FIELDS.filter(
        (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
      ),
    }))
    .filter(({ changes }) => changes.length > 0);
  await recordActivities(
    deps.tx,
    traced.flatMap(({ before, after, changes }) =>
      changes.map((field) => ({
        tenantId: deps.principal.tenantId,
        taskId: after.id,
        actorId: deps.principal.principalId,
        kind: 'updated',
        field,
        from: before[field],
        to: after[field],
      })),
    ),
  );
  await deps.events.recordAll(
    taskodexEvents,
    traced.flatMap(({ before, after, changes }) => eventsOf(before, after, changes)),
  );
}

/** A change's events: updated, and assigned / status_changed / completed when they apply. */
function eventsOf(before: Task, after: Task, changes: string[]): TaskEvent[] {
  const events: TaskEvent[] = [{ type: 'task.updated', data: { task: after, changes } }];
  if (before.assigneeId !== after.assigneeId)
    events.push({
      type: 'task.assigned',
      data: {
        taskId: after.id,
        title: after.title,
        assigneeId: after.assigneeId,
        previousAssigneeId: before.assigneeId,
      },
    });
  if (before.status !== after.status) {
    events.push({
      type: 'task.status_changed',
      data: { taskId: after.id, title: after.title, from: before.status, to: after.status },
    });
    if (after.statusGroup === 'completed' && before.statusGroup !== 'completed')
      events.push(completedEvent(after));
  }
  return events;
}

/**
 * Checks and writes a change to `current` (read visible and locked by the
 * caller in this transaction) without recording it: the caller passes the
 * result to recordChanges, alone (PATCH) or with others (bulk update).
 */
export async function applyChange(
  current: Task,
  version: number,
  requested: TaskChanges,
  deps: TaskDeps,
): Promise<TaskChange> {
  const { tx, principal } = deps;
  const taskId = current.id;
  const changes: TaskChanges = { ...requested };
  const movesProject = changes.projectId !== undefined && changes.projectId !== current.projectId;
  const targetId = movesProject ? (changes.projectId ?? null) : current.projectId;
  // A sub-task leaves its parent behind in the old project unless it names a new one.
  if (movesProject && changes.parentId === undefined && current.parentId) changes.parentId = null;
  const assigneeId =
    changes.assigneeId !== undefined || movesProject
      ? changes.assigneeId === undefined
        ? current.assigneeId
        : changes.assigneeId
      : undefined;
  const context = await contextFor(deps, { projectId: targetId, assigneeId, parentId: changes.parentId });
  const here = movesProject
    ? await placementFor(deps, current.projectId, 'params.taskId')
    : placementOf(deps, context, current.projectId, 'params.taskId');
  const target = movesProject ? placementOf(deps, context, targetId) : here;
  if (movesProject) {
    if (await hasSubtasks(tx, principal.tenantId, taskId))
      throw new BusinessRuleError(
        'has_subtasks',
        'Move the sub-tasks first (or detach them): a task and its sub-tasks share a project.',
        [{ field: 'body.projectId', message: 'The task has sub-tasks.', code: 'has_subtasks' }],
      );
    changes.status ??= carryStatus(current, target.workflow);
  }
  if (changes.status !== undefined) assertStatusIn(target.workflow, changes.status);
  assertAssignable(context, assigneeId, target);
  if (changes.parentId !== undefined)
    await assertParent(deps, context, changes.parentId, target.projectId, taskId);
  const status = changes.status ?? current.status;
  if (changes.position === undefined && (status !== current.status || movesProject))
    changes.position = await endOfColumn(deps, target.projectId, status, taskId);
  const updated = await updateTask(tx, principal.tenantId, taskId, version, changes);
  if (updated) return { before: current, after: updated };
  throw new ConflictError(
    `The task changed since you read it (you sent version ${version}, it is now ${current.version}). Reload and try again.`,
    'version_conflict',
  );
}
