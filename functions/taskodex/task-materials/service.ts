import { defineRoute, defineService } from '@halooid/shared/manifest';
import { TaskMaterialList, TaskMaterialParams } from './schemas';

/**
 * Materials used on tasks: Invantray announces `stock.moved` on the bus and
 * every issue move that names a task (`reference: {type: "task", id}`) is
 * recorded on that task's activity as `stock_issued`. The list sums them per
 * item, so the task page shows what the work consumed. Reading it is reading
 * the task.
 */
export const taskMaterialsService = defineService({
  product: 'taskodex',
  capability: 'task-materials',
  description: 'Stock issued in Invantray against a task, on its activity and summed per item.',
  resources: { database: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listTaskMaterials',
      method: 'GET',
      path: '/v1/taskodex/tasks/{taskId}/materials',
      permission: 'taskodex:task:read',
      summary: 'List the stock issued to a task',
      description:
        'Per item and unit, the quantity Invantray issued against the task (by SKU, at most 500 items), from its `stock_issued` activity entries. A task you cannot see is a 404.',
      params: TaskMaterialParams,
      response: TaskMaterialList,
    }),
  ],
  subscriptions: [
    {
      name: 'activity-from-stock-issues',
      pattern: { source: ['halooid.invantray'], 'detail-type': ['stock.moved'] },
      handler: 'recordTaskStockIssues',
    },
  ],
});
