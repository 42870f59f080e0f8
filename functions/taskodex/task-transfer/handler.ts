import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse } from '@halooid/shared/http/csv';
import { exportTasks } from './export-tasks';
import { importTasks } from './import-tasks';
import { taskTransferService } from './service';

export const handler = createHttpHandler(taskTransferService, {
  exportTasks: async ({ query, inTenant }) => {
    const csv = await inTenant((deps) => exportTasks(query, deps));
    return csvResponse(`tasks-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  },
  importTasks: async ({ query, body, inTenant }) => {
    const csv = typeof body === 'string' ? body : body.csv;
    return { body: await inTenant((deps) => importTasks(csv, query.projectId ?? null, deps)) };
  },
});
