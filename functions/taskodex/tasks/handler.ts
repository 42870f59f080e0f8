import type { Principal } from '@halooid/shared/auth/principal';
import { actorOf, withTenantEvents } from '@halooid/shared/events/outbox';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { uuidv7 } from '@halooid/shared/ids';
import { listActivity } from './activity';
import { tasksService } from './service';
import {
  changeTask,
  createTask,
  deleteTask,
  expectedVersion,
  findTasks,
  getTask,
  moveTask,
  type TaskDeps,
} from './task-use-cases';

/** Runs a use case in the caller's tenant transaction; its events are published after commit. */
function inTenant<T>(principal: Principal, work: (deps: TaskDeps) => Promise<T>): Promise<T> {
  return withTenantEvents(
    { tenantId: principal.tenantId, userId: principal.principalId, actor: actorOf(principal) },
    (tx, events) => work({ tx, principal, newId: uuidv7, events }),
  );
}

const etag = (version: number) => ({ ETag: `"${version}"` });

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
    const { version: _sent, ...changes } = body;
    const version = expectedVersion(body, headers['if-match']);
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
