import type { Principal } from '@halooid/shared/auth/principal';
import { actorOf, withTenantEvents } from '@halooid/shared/events/outbox';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse } from '@halooid/shared/http/csv';
import { uuidv7 } from '@halooid/shared/ids';
import type { TaskDeps } from '../tasks/task-use-cases';
import { exportTasks } from './export-tasks';
import { importTasks } from './import-tasks';
import { taskTransferService } from './service';

function inTenant<T>(principal: Principal, work: (deps: TaskDeps) => Promise<T>): Promise<T> {
  return withTenantEvents(
    { tenantId: principal.tenantId, userId: principal.principalId, actor: actorOf(principal) },
    (tx, events) => work({ tx, principal, newId: uuidv7, events }),
  );
}

export const handler = createHttpHandler(taskTransferService, {
  exportTasks: async ({ query, principal }) => {
    const csv = await inTenant(principal, (deps) => exportTasks(query, deps));
    return csvResponse(`tasks-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  },
  importTasks: async ({ query, body, principal }) => {
    const csv = typeof body === 'string' ? body : body.csv;
    return { body: await inTenant(principal, (deps) => importTasks(csv, query.projectId ?? null, deps)) };
  },
});
