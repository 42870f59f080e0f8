import { actorOf, withTenantEvents } from '@halooid/shared/events/outbox';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { uuidv7 } from '@halooid/shared/ids';
import { bulkUpdateTasks } from './bulk-update';
import { taskBulkService } from './service';

export const handler = createHttpHandler(taskBulkService, {
  bulkUpdateTasks: async ({ body, principal }) => ({
    body: await withTenantEvents(
      { tenantId: principal.tenantId, userId: principal.principalId, actor: actorOf(principal) },
      (tx, events) => bulkUpdateTasks(body, { tx, principal, newId: uuidv7, events }),
    ),
  }),
});
