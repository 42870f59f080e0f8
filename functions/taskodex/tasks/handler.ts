import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { createTask } from '../domain/create-task';
import { findTasks } from '../domain/find-tasks';
import { listActivity } from '../domain/task-activity';
import { changeTask } from './change-task';
import { deleteTask } from './delete-task';
import { getTask } from './get-task';
import { moveTask } from './move-task';
import { tasksService } from './service';

export const handler = createHttpHandler(tasksService, {
  createTask: async ({ body, inTenant }) => {
    const task = await inTenant((deps) => createTask(body, deps));
    return { body: task, headers: { Location: `/v1/taskodex/tasks/${task.id}`, ...etag(task.version) } };
  },
  listTasks: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => findTasks(query, deps)),
  }),
  getTask: async ({ params, inTenant }) => {
    const task = await inTenant((deps) => getTask(params.taskId, deps));
    return { body: task, headers: etag(task.version) };
  },
  updateTask: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const task = await inTenant((deps) => changeTask(params.taskId, version, changes, deps));
    return { body: task, headers: etag(task.version) };
  },
  moveTask: async ({ params, body, inTenant }) => {
    const task = await inTenant((deps) => moveTask(params.taskId, body, deps));
    return { body: task, headers: etag(task.version) };
  },
  listTaskActivity: async ({ params, query, inTenant }) => ({
    body: await inTenant(async (deps) => {
      await getTask(params.taskId, deps);
      return listActivity(deps.tx, deps.principal.tenantId, params.taskId, query);
    }),
  }),
  deleteTask: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteTask(params.taskId, deps));
    return { body: undefined };
  },
});
