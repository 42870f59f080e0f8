import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { EventRecorder } from '@halooid/shared/events/outbox';
import { findVisibleTask } from '../domain/project-access';
import { recordActivity } from '../domain/task-activity';
import type { Task } from '../domain/task-schemas';
import { taskodexEvents } from '../events';
import {
  canonical,
  deleteRelation,
  findRelation,
  insertRelation,
  type RelationRow,
  relationsOf,
} from './repository';
import { type CreateRelationInput, REVERSE, type Relation, type RelationType } from './schemas';

export interface RelationDeps {
  tx: Tx;
  principal: Principal;
  newId: () => string;
  events: EventRecorder;
}

async function visibleTask(taskId: string, deps: RelationDeps): Promise<Task> {
  const task = await findVisibleTask(deps.tx, deps.principal, taskId);
  if (!task) throw new NotFoundError('Task');
  return task;
}

/** The relation as the task `viewerId` sees it. */
function viewFrom(viewerId: string, row: RelationRow, other: Task): Relation {
  const outgoing = row.task_id === viewerId;
  return {
    id: row.id,
    type: outgoing ? row.type : REVERSE[row.type],
    taskId: other.id,
    task: {
      id: other.id,
      identifier: other.identifier,
      title: other.title,
      status: other.status,
      statusGroup: other.statusGroup,
    },
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** Both tasks' timelines say what happened, each from its own side. */
async function recordOnBoth(row: RelationRow, action: 'added' | 'removed', deps: RelationDeps) {
  for (const [taskId, otherId] of [
    [row.task_id, row.related_task_id],
    [row.related_task_id, row.task_id],
  ] as const) {
    const value = {
      relationId: row.id,
      type: row.task_id === taskId ? row.type : REVERSE[row.type],
      taskId: otherId,
    };
    await recordActivity(deps.tx, {
      tenantId: deps.principal.tenantId,
      taskId,
      actorId: deps.principal.principalId,
      kind: 'relation',
      field: null,
      from: action === 'removed' ? value : null,
      to: action === 'added' ? value : null,
    });
  }
}

/** Relations of a visible task; a relation to a task the caller cannot see is left out. */
export async function findRelations(taskId: string, deps: RelationDeps): Promise<{ items: Relation[] }> {
  await visibleTask(taskId, deps);
  const items: Relation[] = [];
  for (const row of await relationsOf(deps.tx, deps.principal.tenantId, taskId)) {
    const otherId = row.task_id === taskId ? row.related_task_id : row.task_id;
    const other = await findVisibleTask(deps.tx, deps.principal, otherId);
    if (other) items.push(viewFrom(taskId, row, other));
  }
  return { items };
}

export async function addRelation(
  taskId: string,
  input: CreateRelationInput,
  deps: RelationDeps,
): Promise<Relation> {
  if (input.taskId === taskId)
    throw new BusinessRuleError('self_relation', 'A task cannot be related to itself.', [
      { field: 'body.taskId', message: 'Pick another task.', code: 'self_relation' },
    ]);
  await visibleTask(taskId, deps);
  const other = await findVisibleTask(deps.tx, deps.principal, input.taskId);
  if (!other)
    throw new BusinessRuleError('related_task_not_found', 'The other task was not found.', [
      { field: 'body.taskId', message: 'No such task.', code: 'not_found' },
    ]);
  const stored = canonical(taskId, input.type as RelationType, input.taskId);
  const row = await insertRelation(deps.tx, {
    tenantId: deps.principal.tenantId,
    id: deps.newId(),
    ...stored,
    createdBy: deps.principal.principalId,
  });
  if (!row)
    throw new ConflictError(
      `These tasks already have a ${stored.type === 'relates_to' ? 'relates_to' : `${stored.type} relation`} between them.`,
      'relation_exists',
    );
  await deps.events.record(taskodexEvents, 'task.relation_added', {
    relationId: row.id,
    taskId: row.task_id,
    relatedTaskId: row.related_task_id,
    type: row.type,
  });
  await recordOnBoth(row, 'added', deps);
  return viewFrom(taskId, row, other);
}

/** Removes the relation for both tasks. The caller must see the task in the path; the other end may be hidden. */
export async function removeRelation(taskId: string, relationId: string, deps: RelationDeps): Promise<void> {
  await visibleTask(taskId, deps);
  const row = await findRelation(deps.tx, deps.principal.tenantId, taskId, relationId);
  if (!row) throw new NotFoundError('Relation');
  await deleteRelation(deps.tx, deps.principal.tenantId, relationId);
  await deps.events.record(taskodexEvents, 'task.relation_removed', {
    relationId: row.id,
    taskId: row.task_id,
    relatedTaskId: row.related_task_id,
    type: row.type,
  });
  await recordOnBoth(row, 'removed', deps);
}
