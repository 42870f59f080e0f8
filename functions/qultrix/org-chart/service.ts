import { defineRoute, defineService } from '@halooid/shared/manifest';
import { Headcount, HeadcountQuery, OrgChart, OrgChartQuery } from './schemas';

/**
 * Who reports to whom, and how many people there are. Everyone with
 * org:read sees both: a node carries only what a company directory shows
 * (number, name, position, department, manager), never personal data, and
 * knowing who is in the chart is the point of a chart.
 */
export const orgChartService = defineService({
  product: 'qultrix',
  capability: 'org-chart',
  description: 'The org chart from manager links, and headcount.',
  resources: { database: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'getOrgChart',
      method: 'GET',
      path: '/v1/qultrix/org-chart',
      permission: 'qultrix:org:read',
      summary: 'Get the org chart',
      description:
        'A flat, depth-first list (each node after its manager) from `rootId` or from every top-level employee, `depth` levels down (default 3, at most 10). Terminated employees are left out; `directReportCount` says whether a node beyond the limit has reports to expand.',
      query: OrgChartQuery,
      response: OrgChart,
    }),
    defineRoute({
      operationId: 'getHeadcount',
      method: 'GET',
      path: '/v1/qultrix/headcount',
      permission: 'qultrix:org:read',
      summary: 'Count employees per department, location or type',
      description:
        'Employees hired on or before `asOf` and not terminated before it, per group (null: none set), with the total.',
      query: HeadcountQuery,
      response: Headcount,
    }),
  ],
});
