import { defineRoute, defineService } from '@halooid/shared/manifest';
import { BulkUpdateBody, BulkUpdateResult } from './schemas';

export const taskBulkService = defineService({
  product: 'taskodex',
  capability: 'task-bulk',
  description: 'Change many tasks at once, all or nothing.',
  resources: { database: true, tables: ['idempotency'] },
  // Each task's change emits what a single PATCH emits.
  emits: [
    { type: 'task.updated' },
    { type: 'task.assigned' },
    { type: 'task.status_changed' },
    { type: 'task.completed' },
  ],
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'bulkUpdateTasks',
      method: 'POST',
      path: '/v1/taskodex/tasks/bulk',
      permission: 'taskodex:task:write',
      summary: 'Change up to 100 tasks at once',
      description:
        'Applies one patch (status, priority, assignee, labels or addLabels/removeLabels) to every listed task, ' +
        'all or nothing: if any id is missing or not visible to you, or a task cannot take the change (say the status ' +
        "is not in its project's workflow), nothing changes and the 422 lists each offending id in `errors` " +
        '(`field` is `body.ids.<index>`). Each task gets the same events and timeline entries as a single change.',
      body: BulkUpdateBody,
      response: BulkUpdateResult,
    }),
  ],
});
