import { createHttpHandler } from '@halooid/shared/http/adapter';
import { inTenant } from '../common/in-tenant';
import { addRelation, findRelations, removeRelation } from './relation-use-cases';
import { relationsService } from './service';

export const handler = createHttpHandler(relationsService, {
  listTaskRelations: async ({ params, principal }) => ({
    body: await inTenant(principal, (deps) => findRelations(params.taskId, deps)),
  }),
  addTaskRelation: async ({ params, body, principal }) => ({
    body: await inTenant(principal, (deps) => addRelation(params.taskId, body, deps)),
  }),
  deleteTaskRelation: async ({ params, principal }) => {
    await inTenant(principal, (deps) => removeRelation(params.taskId, params.relationId, deps));
    return { body: undefined };
  },
});
