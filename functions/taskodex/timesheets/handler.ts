import { createHttpHandler } from '@halooid/shared/http/adapter';
import { inTenant } from '../common/in-tenant';
import { timesheetsService } from './service';
import {
  approveTimesheet,
  getTimesheet,
  listTimesheetSubmissions,
  rejectTimesheet,
  submitTimesheet,
} from './timesheet-use-cases';

export const handler = createHttpHandler(timesheetsService, {
  getTimesheet: async ({ query, principal }) => ({
    body: await inTenant(principal, (deps) => getTimesheet(query, deps)),
  }),
  listTimesheetSubmissions: async ({ query, principal }) => ({
    body: await inTenant(principal, (deps) => listTimesheetSubmissions(query, deps)),
  }),
  submitTimesheet: async ({ params, principal }) => ({
    body: await inTenant(principal, (deps) => submitTimesheet(params.week, deps)),
  }),
  approveTimesheet: async ({ params, body, principal }) => ({
    body: await inTenant(principal, (deps) => approveTimesheet(params.week, body.userId, deps)),
  }),
  rejectTimesheet: async ({ params, body, principal }) => ({
    body: await inTenant(principal, (deps) => rejectTimesheet(params.week, body, deps)),
  }),
});
