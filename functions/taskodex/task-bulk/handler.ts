import { createHttpHandler } from '@halooid/shared/http/adapter';
import { inTenant } from '../common/in-tenant';
import { bulkUpdateTasks } from './bulk-update';
import { taskBulkService } from './service';

export const handler = createHttpHandler(taskBulkService, {
  bulkUpdateTasks: async ({ body, principal }) => ({
    body: await inTenant(principal, (deps) => bulkUpdateTasks(body, deps)),
  }),
});
