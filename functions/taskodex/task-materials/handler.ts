import { createHttpHandler } from '@halooid/shared/http/adapter';
import { listTaskMaterials } from './list-task-materials';
import { taskMaterialsService } from './service';

/** Thin: the adapter has validated the input; the route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(taskMaterialsService, {
  listTaskMaterials: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => listTaskMaterials(params.taskId, deps)),
  }),
});
