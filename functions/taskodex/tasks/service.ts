import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { CreateTaskBody, ListTasksQuery, Task, TaskParams, UpdateTaskBody } from './schemas';

export const tasksService = defineService({
  product: 'taskodex',
  capability: 'tasks',
  description: 'Tasks: create, find, change and delete work items.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [
    { type: 'task.created' },
    { type: 'task.updated' },
    { type: 'task.assigned' },
    { type: 'task.status_changed' },
    { type: 'task.completed' },
    { type: 'task.deleted' },
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
      body: CreateTaskBody,
      status: 201,
      response: Task,
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
        'Partial update with optimistic concurrency: send `version` (or `If-Match`); a stale one gets 409.',
      params: TaskParams,
      body: UpdateTaskBody,
      headers: { 'If-Match': 'The version you last read, as an alternative to `version` in the body.' },
      response: Task,
    }),
    defineRoute({
      operationId: 'deleteTask',
      method: 'DELETE',
      path: '/v1/taskodex/tasks/{taskId}',
      permission: 'taskodex:task:delete',
      summary: 'Delete a task',
      params: TaskParams,
      status: 204,
    }),
  ],
});
