import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse, wantsCsv } from '@halooid/shared/http/csv';
import { buildTimeReport, timeReportCsv } from './report-use-cases';
import { timeReportsService } from './service';

export const handler = createHttpHandler(timeReportsService, {
  getTimeReport: async ({ query, headers, inTenant }) => {
    const report = await inTenant(({ tx, principal }) => buildTimeReport(query, { tx, principal }));
    if (wantsCsv(headers))
      return csvResponse(`time-by-${report.groupBy}-${report.from}-${report.to}.csv`, timeReportCsv(report));
    return { body: report };
  },
});
