import { createHttpHandler } from '@halooid/shared/http/adapter';
import { bulkUpdateTasks } from './bulk-update';
import { taskBulkService } from './service';

export const handler = createHttpHandler(taskBulkService, {
  bulkUpdateTasks: async ({ body, inTenant }) => ({
    body: await inTenant((deps) => bulkUpdateTasks(body, deps)),
  }),
});
