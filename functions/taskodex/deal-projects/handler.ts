import { createHttpHandler } from '@halooid/shared/http/adapter';
import { listDealProjects } from './list-deal-projects';
import { dealProjectsService } from './service';

/** Thin: the adapter has validated the input; the route runs its use case in the caller's tenant. */
export const handler = createHttpHandler(dealProjectsService, {
  listDealProjects: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listDealProjects(query, deps)),
  }),
});
