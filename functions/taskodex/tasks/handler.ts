import { createHttpHandler } from '@halooid/shared/http/adapter';
import { inTenant } from '../common/in-tenant';
import { etag, expectedVersion } from '../common/versioning';
import { listActivity } from './activity';
import { tasksService } from './service';
import { changeTask, createTask, deleteTask, findTasks, getTask, moveTask } from './task-use-cases';

export const handler = createHttpHandler(tasksService, {
  createTask: async ({ body, principal }) => {
    const task = await inTenant(principal, (deps) => createTask(body, deps));
    return { body: task, headers: { Location: `/v1/taskodex/tasks/${task.id}`, ...etag(task.version) } };
  },
  listTasks: async ({ query, principal }) => ({
    body: await inTenant(principal, (deps) => findTasks(query, deps)),
  }),
  getTask: async ({ params, principal }) => {
    const task = await inTenant(principal, (deps) => getTask(params.taskId, deps));
    return { body: task, headers: etag(task.version) };
  },
  updateTask: async ({ params, body, headers, principal }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const task = await inTenant(principal, (deps) => changeTask(params.taskId, version, changes, deps));
    return { body: task, headers: etag(task.version) };
  },
  moveTask: async ({ params, body, principal }) => {
    const task = await inTenant(principal, (deps) => moveTask(params.taskId, body, deps));
    return { body: task, headers: etag(task.version) };
  },
  listTaskActivity: async ({ params, query, principal }) => ({
    body: await inTenant(principal, async (deps) => {
      await getTask(params.taskId, deps);
      return listActivity(deps.tx, principal.tenantId, params.taskId, query);
    }),
  }),
  deleteTask: async ({ params, principal }) => {
    await inTenant(principal, (deps) => deleteTask(params.taskId, deps));
    return { body: undefined };
  },
});
