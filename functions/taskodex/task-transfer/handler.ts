import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse } from '@halooid/shared/http/csv';
import { inTenant } from '../common/in-tenant';
import { exportTasks } from './export-tasks';
import { importTasks } from './import-tasks';
import { taskTransferService } from './service';

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
