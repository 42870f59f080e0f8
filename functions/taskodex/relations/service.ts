import { defineRoute, defineService } from '@halooid/shared/manifest';
import { CreateRelationBody, Relation, RelationParams, RelationsList, TaskRelationsParams } from './schemas';

export const relationsService = defineService({
  product: 'taskodex',
  capability: 'relations',
  description: 'Relations between tasks (blocks, duplicates, relates to), kept in both directions.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [{ type: 'task.relation_added' }, { type: 'task.relation_removed' }],
  // Relating tasks is changing them: the task permissions cover it.
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listTaskRelations',
      method: 'GET',
      path: '/v1/taskodex/tasks/{taskId}/relations',
      permission: 'taskodex:task:read',
      summary: "List a task's relations",
      description:
        'Each relation read from this task: `blocks`, `blocked_by`, `duplicates`, `duplicated_by`, `relates_to`. ' +
        'Relations to tasks you cannot see are left out.',
      params: TaskRelationsParams,
      response: RelationsList,
    }),
    defineRoute({
      operationId: 'addTaskRelation',
      method: 'POST',
      path: '/v1/taskodex/tasks/{taskId}/relations',
      permission: 'taskodex:task:write',
      summary: 'Relate two tasks',
      description:
        'The other task shows the reverse (`blocks` ⇄ `blocked_by`, `duplicates` ⇄ `duplicated_by`, `relates_to` both ways). ' +
        'A pair holds one relation of each kind: a second one, in either direction, is a 409. Relating a task to itself is a 422.',
      params: TaskRelationsParams,
      body: CreateRelationBody,
      status: 201,
      response: Relation,
    }),
    defineRoute({
      operationId: 'deleteTaskRelation',
      method: 'DELETE',
      path: '/v1/taskodex/tasks/{taskId}/relations/{relationId}',
      permission: 'taskodex:task:write',
      summary: 'Remove a relation',
      description: 'Removes it from both tasks; the relation id is the same on either side.',
      params: RelationParams,
      status: 204,
    }),
  ],
});
