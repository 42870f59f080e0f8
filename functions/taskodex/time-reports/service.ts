import { defineRoute, defineService } from '@halooid/shared/manifest';
import { TimeReport, TimeReportQuery } from './schemas';

export const timeReportsService = defineService({
  product: 'taskodex',
  capability: 'time-reports',
  description: 'Time reports: totals and billable amounts by project, user, task or label, as JSON or CSV.',
  resources: { database: true },
  // taskodex:time:read is defined by time-entries.
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'getTimeReport',
      method: 'GET',
      path: '/v1/taskodex/reports/time',
      permission: 'taskodex:time:read',
      summary: 'Time report',
      description:
        'Finished time between `from` and `to` (UTC days, inclusive) grouped by project, user, task or label, ' +
        "with billable amounts from each project's hourly rate. Your own time, or everyone's for approvers. " +
        'Send `Accept: text/csv` for a spreadsheet download.',
      query: TimeReportQuery,
      response: TimeReport,
      produces: ['text/csv'],
    }),
  ],
});
