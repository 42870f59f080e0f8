import { createHttpHandler } from '@halooid/shared/http/adapter';
import { addRelation, findRelations, removeRelation } from './relation-use-cases';
import { relationsService } from './service';

export const handler = createHttpHandler(relationsService, {
  listTaskRelations: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => findRelations(params.taskId, deps)),
  }),
  addTaskRelation: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => addRelation(params.taskId, body, deps)),
  }),
  deleteTaskRelation: async ({ params, inTenant }) => {
    await inTenant((deps) => removeRelation(params.taskId, params.relationId, deps));
    return { body: undefined };
  },
});
