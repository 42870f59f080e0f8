import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '@halooid/shared/errors';
import type { EventRecorder } from '@halooid/shared/events/outbox';
import { isActiveMember } from '@halooid/shared/tenancy';
import { taskodexEvents } from '../events';
import { findTask, insertTask, listTasks, softDeleteTask, updateTask } from './repository';
import type { CreateTaskInput, ListTasksQuery, Task, UpdateTaskInput } from './schemas';

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

async function assertAssignable(tx: Tx, assigneeId: string | null | undefined): Promise<void> {
  if (!assigneeId) return;
  if (!(await isActiveMember(tx, assigneeId))) {
    throw new BusinessRuleError('assignee_not_member', 'The assignee is not a member of this tenant.', [
      { field: 'body.assigneeId', message: 'Not a member of this tenant.', code: 'assignee_not_member' },
    ]);
  }
}

export async function createTask(input: CreateTaskInput, deps: TaskDeps): Promise<Task> {
  await assertAssignable(deps.tx, input.assigneeId);
  const task = await insertTask(deps.tx, {
    ...input,
    id: deps.newId(),
    tenantId: deps.principal.tenantId,
    createdBy: deps.principal.principalId,
  });
  await deps.events.record(taskodexEvents, 'task.created', { task });
  if (task.assigneeId)
    await deps.events.record(taskodexEvents, 'task.assigned', {
      taskId: task.id,
      title: task.title,
      assigneeId: task.assigneeId,
      previousAssigneeId: null,
    });
  if (task.status === 'done') await recordCompleted(task, deps);
  return task;
}

function recordCompleted(task: Task, deps: TaskDeps) {
  return deps.events.record(taskodexEvents, 'task.completed', {
    taskId: task.id,
    title: task.title,
    assigneeId: task.assigneeId,
  });
}

const TRACKED_FIELDS = [
  'title',
  'description',
  'status',
  'priority',
  'assigneeId',
  'dueDate',
  'labels',
  'projectId',
] as const satisfies readonly (keyof Task)[];

/** Records what a change did: updated (with the changed fields), and assigned / status_changed / completed when they apply. */
async function recordChanges(before: Task, after: Task, deps: TaskDeps): Promise<void> {
  const changes = TRACKED_FIELDS.filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  if (changes.length === 0) return;
  await deps.events.record(taskodexEvents, 'task.updated', { task: after, changes });
  if (before.assigneeId !== after.assigneeId)
    await deps.events.record(taskodexEvents, 'task.assigned', {
      taskId: after.id,
      title: after.title,
      assigneeId: after.assigneeId,
      previousAssigneeId: before.assigneeId,
    });
  if (before.status !== after.status) {
    await deps.events.record(taskodexEvents, 'task.status_changed', {
      taskId: after.id,
      title: after.title,
      from: before.status,
      to: after.status,
    });
    if (after.status === 'done') await recordCompleted(after, deps);
  }
}

export async function getTask(taskId: string, deps: TaskDeps): Promise<Task> {
  const task = await findTask(deps.tx, deps.principal.tenantId, taskId);
  if (!task) throw new NotFoundError('Task');
  return task;
}

export function findTasks(query: ListTasksQuery, deps: TaskDeps) {
  return listTasks(deps.tx, deps.principal.tenantId, query);
}

/** Reads the expected version from the body or an `If-Match: "3"` header. */
export function expectedVersion(body: UpdateTaskInput, ifMatch: string | undefined): number {
  if (body.version !== undefined) return body.version;
  const fromHeader = ifMatch ? Number(ifMatch.replace(/^W\//, '').replaceAll('"', '')) : Number.NaN;
  if (Number.isInteger(fromHeader) && fromHeader > 0) return fromHeader;
  throw new ValidationError('Send the version you last read, in the body or as If-Match.', [
    { field: 'body.version', message: 'Required unless If-Match is sent.', code: 'version_required' },
  ]);
}

export async function changeTask(
  taskId: string,
  version: number,
  changes: Omit<UpdateTaskInput, 'version'>,
  deps: TaskDeps,
): Promise<Task> {
  await assertAssignable(deps.tx, changes.assigneeId);
  const current = await findTask(deps.tx, deps.principal.tenantId, taskId, { forUpdate: true });
  if (!current) throw new NotFoundError('Task');
  const updated = await updateTask(deps.tx, deps.principal.tenantId, taskId, version, changes);
  if (updated) {
    await recordChanges(current, updated, deps);
    return updated;
  }
  throw new ConflictError(
    `The task changed since you read it (you sent version ${version}, it is now ${current.version}). Reload and try again.`,
    'version_conflict',
  );
}

export async function deleteTask(taskId: string, deps: TaskDeps): Promise<void> {
  const current = await findTask(deps.tx, deps.principal.tenantId, taskId, { forUpdate: true });
  if (!current || !(await softDeleteTask(deps.tx, deps.principal.tenantId, taskId)))
    throw new NotFoundError('Task');
  await deps.events.record(taskodexEvents, 'task.deleted', { taskId: current.id, title: current.title });
}
