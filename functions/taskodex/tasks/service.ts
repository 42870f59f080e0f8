import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { ActivityPage, ListActivityQuery } from '../domain/task-activity';
import {
  CreateTaskBody,
  ListTasksQuery,
  MoveTaskBody,
  Task,
  TaskParams,
  TaskResult,
  UpdateTaskBody,
} from '../domain/task-schemas';

export const tasksService = defineService({
  product: 'taskodex',
  capability: 'tasks',
  description:
    'Tasks: create, find, change, move on the board and delete work items; their activity timeline.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [
    { type: 'task.created' },
    { type: 'task.updated' },
    { type: 'task.assigned' },
    { type: 'task.status_changed' },
    { type: 'task.completed' },
    { type: 'task.deleted' },
    // Recorded by the daily due-soon job (functions/taskodex/due-soon), part of the task domain.
    { type: 'task.due_soon' },
  ],
  permissions: [
    { name: 'taskodex:task:read', description: 'See tasks.' },
    { name: 'taskodex:task:write', description: 'Create and change tasks.' },
    { name: 'taskodex:task:delete', description: 'Delete tasks.' },
  ],
  routes: [
    defineRoute({
      operationId: 'createTask',
      method: 'POST',
      path: '/v1/taskodex/tasks',
      permission: 'taskodex:task:write',
      summary: 'Create a task',
      description:
        'Numbered per project (`WEB-42`; `TASK-n` outside projects) and placed at the end of its column. `status` defaults to the first state of the workflow. Honours `Idempotency-Key`. `warnings` says when the assignee is away on the due date (the task is created all the same).',
      body: CreateTaskBody,
      status: 201,
      response: TaskResult,
    }),
    defineRoute({
      operationId: 'listTasks',
      method: 'GET',
      path: '/v1/taskodex/tasks',
      permission: 'taskodex:task:read',
      summary: 'List tasks',
      description: 'Cursor-paginated, filterable and sortable. Newest first by default.',
      query: ListTasksQuery,
      response: pageOf(Task),
    }),
    defineRoute({
      operationId: 'getTask',
      method: 'GET',
      path: '/v1/taskodex/tasks/{taskId}',
      permission: 'taskodex:task:read',
      summary: 'Get a task',
      description:
        'A task in a private project you are not part of is 404. The ETag is its version, for `If-Match` on a later PATCH.',
      params: TaskParams,
      response: Task,
    }),
    defineRoute({
      operationId: 'updateTask',
      method: 'PATCH',
      path: '/v1/taskodex/tasks/{taskId}',
      permission: 'taskodex:task:write',
      summary: 'Change a task',
      description:
        'Partial update with optimistic concurrency: send `version` (or `If-Match`); a stale one gets 409. When the change sets the assignee or the due date and the assignee is away that day, `warnings` says so (the change is saved all the same).',
      params: TaskParams,
      body: UpdateTaskBody,
      headers: IF_MATCH_HEADER,
      response: TaskResult,
    }),
    defineRoute({
      operationId: 'moveTask',
      method: 'POST',
      path: '/v1/taskodex/tasks/{taskId}/move',
      permission: 'taskodex:task:write',
      summary: 'Move a task on the board',
      description:
        'Into another state and/or to a place in its column: right below `afterId`, right above `beforeId`, or at the end. `version` is optional here.',
      params: TaskParams,
      body: MoveTaskBody,
      response: Task,
    }),
    defineRoute({
      operationId: 'listTaskActivity',
      method: 'GET',
      path: '/v1/taskodex/tasks/{taskId}/activity',
      permission: 'taskodex:task:read',
      summary: "List a task's activity",
      description:
        'Who changed which field from what to what, oldest first (`order=desc` for newest first); cursor-paginated.',
      params: TaskParams,
      query: ListActivityQuery,
      response: ActivityPage,
    }),
    defineRoute({
      operationId: 'deleteTask',
      method: 'DELETE',
      path: '/v1/taskodex/tasks/{taskId}',
      permission: 'taskodex:task:delete',
      summary: 'Delete a task',
      description:
        'Soft delete: the task disappears from lists and reads (404), its number is not reused, and the deletion is recorded in its activity.',
      params: TaskParams,
      status: 204,
    }),
  ],
});
