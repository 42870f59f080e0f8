import { createHttpHandler } from '@halooid/shared/http/adapter';
import { timesheetsService } from './service';
import {
  approveTimesheet,
  getTimesheet,
  listTimesheetSubmissions,
  rejectTimesheet,
  submitTimesheet,
} from './timesheet-use-cases';

export const handler = createHttpHandler(timesheetsService, {
  getTimesheet: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => getTimesheet(query, deps)),
  }),
  listTimesheetSubmissions: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listTimesheetSubmissions(query, deps)),
  }),
  submitTimesheet: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => submitTimesheet(params.week, deps)),
  }),
  approveTimesheet: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => approveTimesheet(params.week, body.userId, deps)),
  }),
  rejectTimesheet: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => rejectTimesheet(params.week, body, deps)),
  }),
});
