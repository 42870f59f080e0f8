import { createHttpHandler } from '@halooid/shared/http/adapter';
import { headcount, orgChart } from './org-chart';
import { orgChartService } from './service';

/** Thin: the adapter has validated the query; each route runs one read in the caller's tenant. */
export const handler = createHttpHandler(orgChartService, {
  getOrgChart: async ({ query, inTenant }) => ({ body: await inTenant((deps) => orgChart(query, deps)) }),
  getHeadcount: async ({ query, inTenant }) => ({ body: await inTenant((deps) => headcount(query, deps)) }),
});
