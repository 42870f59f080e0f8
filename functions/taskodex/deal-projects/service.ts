import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { DealProject, ListDealProjectsQuery } from './schemas';

/**
 * Won deals become delivery projects: CustomerConnect announces
 * `opportunity.won` on the bus and Taskodex makes the deal's project (from the
 * pipeline's template project when it has one), linked back to the deal
 * through the project's `origin`. The list tells the CRM which project a
 * deal has; reading it is reading projects.
 */
export const dealProjectsService = defineService({
  product: 'taskodex',
  capability: 'deal-projects',
  description: 'Delivery projects made from won CustomerConnect deals, one per deal.',
  resources: { database: true },
  permissions: [],
  emits: [{ type: 'project.created' }],
  routes: [
    defineRoute({
      operationId: 'listDealProjects',
      method: 'GET',
      path: '/v1/taskodex/deal-projects',
      permission: 'taskodex:project:read',
      summary: 'List projects made from won deals',
      description:
        'Newest first; `opportunityId` finds the project of one deal (an empty page when it has none or you cannot see it). The project itself is at /v1/taskodex/projects/{projectId}, its `origin` naming the deal.',
      query: ListDealProjectsQuery,
      response: pageOf(DealProject),
    }),
  ],
  subscriptions: [
    {
      name: 'projects-from-won-deals',
      pattern: { source: ['halooid.customerconnect'], 'detail-type': ['opportunity.won'] },
      handler: 'createDealProjects',
    },
  ],
});
