import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import type { EventOf, EventRecorder } from '@halooid/shared/events/outbox';
import { uuidv7 } from '@halooid/shared/ids';
import { taskodexEvents } from '../events';
import { findVisibleTask, hiddenProjectIds, isTaskodexAdmin } from '../projects/access';
import { assertStatusIn, DEFAULT_WORKFLOW, type WorkflowState } from '../projects/workflow';
import { recordActivities, recordActivity } from './activity';
import {
  columnPositions,
  findTask,
  hasSubtasks,
  insertCreatedTask,
  isSelfOrAncestor,
  listTasks,
  respaceColumn,
  softDeleteTask,
  type TaskChanges,
  updateTask,
} from './repository';
import type { CreateTaskInput, ListTasksQuery, MoveTaskInput, Task } from './schemas';
import { loadWriteContext, type WriteContext, type WriteContextQuery } from './write-context';

/**
 * Task use cases. Each receives the open tenant transaction and the caller;
 * the handler owns the transaction, so a use case never commits half of its work.
 */
export interface TaskDeps {
  tx: Tx;
  principal: Principal;
  newId: () => string;
  /** Writes events to the outbox in the same transaction as the change. */
  events: EventRecorder;
}

/** Board positions are spaced this far apart, so most moves fit between two neighbours without touching them. */
const POSITION_GAP = 1024;

/** Where a task lives: its project (null outside projects) and that project's workflow. */
interface Placement {
  projectId: string | null;
  isPrivate: boolean;
  workflow: WorkflowState[];
}

/** What a write with nothing to check (no project, assignee or parent) reads: nothing. */
const NOTHING_TO_CHECK: WriteContext = {
  project: null,
  assigneeActive: false,
  assigneeInProject: false,
  parent: null,
};

/** The write's checks in one round trip, or none when there is nothing to check. */
function contextFor(deps: TaskDeps, query: WriteContextQuery): Promise<WriteContext> {
  if (!query.projectId && !query.assigneeId && !query.parentId) return Promise.resolve(NOTHING_TO_CHECK);
  return loadWriteContext(deps.tx, deps.principal, query);
}

/**
 * The project a task is written into, checked: visible to the caller (else
 * 422 naming the field, as for any reference in a body), not archived (an
 * archived project is frozen), and not one where the caller is only a viewer.
 * `context` must have been read for this project. The rules are
 * projects/access.ts's canSeeProject and canWriteTasksIn.
 */
function placementOf(
  deps: TaskDeps,
  context: WriteContext,
  projectId: string | null,
  field = 'body.projectId',
): Placement {
  if (!projectId) return { projectId: null, isPrivate: false, workflow: [...DEFAULT_WORKFLOW] };
  const { project } = context;
  const admin = isTaskodexAdmin(deps.principal);
  if (!project || (project.isPrivate && project.role === null && !admin))
    throw new BusinessRuleError('project_not_found', 'There is no such project.', [
      { field, message: 'No such project.', code: 'project_not_found' },
    ]);
  if (project.archived)
    throw new BusinessRuleError('project_archived', `Project ${project.key} is archived; restore it first.`, [
      { field, message: 'The project is archived.', code: 'project_archived' },
    ]);
  if (!admin && project.role === 'viewer')
    throw new ForbiddenError(`You are a viewer in project ${project.key}; its tasks are read-only for you.`);
  return { projectId, isPrivate: project.isPrivate, workflow: project.workflow };
}

/** placementOf with its own read, for a project checked on its own. */
async function placementFor(deps: TaskDeps, projectId: string | null, field?: string): Promise<Placement> {
  return placementOf(deps, await contextFor(deps, { projectId }), projectId, field);
}

/** `context` must have been read for this assignee and the placement's project. */
function assertAssignable(
  context: WriteContext,
  assigneeId: string | null | undefined,
  placement: Placement,
) {
  if (!assigneeId) return;
  if (!context.assigneeActive)
    throw new BusinessRuleError('assignee_not_member', 'The assignee is not a member of this tenant.', [
      { field: 'body.assigneeId', message: 'Not a member of this tenant.', code: 'assignee_not_member' },
    ]);
  if (!placement.isPrivate || !placement.projectId) return;
  if (!context.assigneeInProject)
    throw new BusinessRuleError(
      'assignee_not_project_member',
      'The assignee is not a member of this private project.',
      [
        {
          field: 'body.assigneeId',
          message: 'Not a member of the project.',
          code: 'assignee_not_project_member',
        },
      ],
    );
}

/**
 * A parent must be a visible task of the same project and must not be the
 * task itself or one of its sub-tasks. `context` must have been read for this
 * parent; visible is findVisibleTask's rule.
 */
async function assertParent(
  deps: TaskDeps,
  context: WriteContext,
  parentId: string | null | undefined,
  projectId: string | null,
  taskId?: string,
) {
  if (!parentId) return;
  const fail = (code: string, message: string) =>
    new BusinessRuleError(code, message, [{ field: 'body.parentId', message, code }]);
  const { parent } = context;
  const visible =
    parent &&
    (parent.projectId === null ||
      !parent.isPrivate ||
      parent.callerIsMember ||
      isTaskodexAdmin(deps.principal));
  if (!parent || !visible) throw fail('parent_not_found', 'There is no such parent task.');
  if (parent.projectId !== projectId)
    throw fail('parent_other_project', 'A sub-task must be in its parent’s project.');
  if (taskId && (await isSelfOrAncestor(deps.tx, deps.principal.tenantId, parentId, taskId)))
    throw fail('parent_cycle', 'A task cannot be a sub-task of itself or of its own sub-tasks.');
}

async function endOfColumn(deps: TaskDeps, projectId: string | null, status: string, excludeId: string) {
  const { last } = await columnPositions(
    deps.tx,
    deps.principal.tenantId,
    { projectId, status, excludeId },
    {},
  );
  return (last ?? 0) + POSITION_GAP;
}

/**
 * A create is at most four round trips after BEGIN: the checks (one read,
 * none without project, assignee or parent), the insert with its timeline
 * entry, the events, COMMIT. The number is allocated at the insert, so the
 * counter row's lock is held over the last two only.
 */
export async function createTask(input: CreateTaskInput, deps: TaskDeps): Promise<Task> {
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
  return task;
}

type TaskEvent = EventOf<typeof taskodexEvents>;

function completedEvent(task: Task): TaskEvent {
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

export async function getTask(taskId: string, deps: TaskDeps): Promise<Task> {
  const task = await findVisibleTask(deps.tx, deps.principal, taskId);
  if (!task) throw new NotFoundError('Task');
  return task;
}

export async function findTasks(query: ListTasksQuery, deps: TaskDeps) {
  const hidden = await hiddenProjectIds(deps.tx, deps.principal);
  return listTasks(deps.tx, deps.principal.tenantId, query, hidden);
}

/** The state a task keeps when it moves to another project: same key, else the first state of the same group, else the first. */
function carryStatus(current: Task, workflow: readonly WorkflowState[]): string {
  const state =
    workflow.find((candidate) => candidate.key === current.status) ??
    workflow.find((candidate) => candidate.group === current.statusGroup) ??
    workflow[0];
  return (state as WorkflowState).key;
}

export async function changeTask(
  taskId: string,
  version: number,
  requested: TaskChanges,
  deps: TaskDeps,
): Promise<Task> {
  const current = await findVisibleTask(deps.tx, deps.principal, taskId, { forUpdate: true });
  if (!current) throw new NotFoundError('Task');
  const change = await applyChange(current, version, requested, deps);
  await recordChanges([change], deps);
  return change.after;
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

/**
 * Moves a task on the board: into `status` (its current one when absent),
 * right below `afterId` or right above `beforeId`, or to the end of the
 * column. The position is the midpoint between the neighbours; when two
 * neighbours have no room left between them the column is spread out again.
 */
export async function moveTask(taskId: string, input: MoveTaskInput, deps: TaskDeps): Promise<Task> {
  const { tx, principal } = deps;
  const current = await findVisibleTask(tx, principal, taskId, { forUpdate: true });
  if (!current) throw new NotFoundError('Task');
  const status = input.status ?? current.status;
  const column = { projectId: current.projectId, status, excludeId: taskId };
  const neighbourId = input.afterId ?? input.beforeId;
  const field = input.afterId ? 'body.afterId' : 'body.beforeId';
  let position: number | undefined;
  for (let attempt = 0; position === undefined; attempt++) {
    if (!neighbourId) {
      position = await endOfColumn(deps, current.projectId, status, taskId);
      break;
    }
    const neighbour =
      neighbourId === taskId ? undefined : await findTask(tx, principal.tenantId, neighbourId);
    if (!neighbour || neighbour.projectId !== current.projectId || neighbour.status !== status)
      throw new BusinessRuleError(
        'not_in_column',
        'The neighbour must be another task in the same project and state.',
        [{ field, message: 'Not a task in the target column.', code: 'not_in_column' }],
      );
    const around = input.afterId ? { after: neighbour.position } : { before: neighbour.position };
    const { previous, next } = await columnPositions(tx, principal.tenantId, column, around);
    const low = input.afterId ? neighbour.position : (previous ?? neighbour.position - 2 * POSITION_GAP);
    const high = input.afterId ? (next ?? neighbour.position + 2 * POSITION_GAP) : neighbour.position;
    const middle = (low + high) / 2;
    if (middle > low && middle < high) position = middle;
    else if (attempt === 0) await respaceColumn(tx, principal.tenantId, column);
    else throw new ConflictError('The column could not be reordered; try again.', 'position_conflict');
  }
  return changeTask(taskId, input.version ?? current.version, { status, position }, deps);
}

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
