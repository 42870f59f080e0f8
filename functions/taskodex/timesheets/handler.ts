import type { Principal } from '@halooid/shared/auth/principal';
import { actorOf, withTenantEvents } from '@halooid/shared/events/outbox';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { uuidv7 } from '@halooid/shared/ids';
import type { TimeDeps } from '../time-entries/time-entry-use-cases';
import { timesheetsService } from './service';
import {
  approveTimesheet,
  getTimesheet,
  listTimesheetSubmissions,
  rejectTimesheet,
  submitTimesheet,
} from './timesheet-use-cases';

/** Runs a use case in the caller's tenant transaction; its events are published after commit. */
function inTenant<T>(principal: Principal, work: (deps: TimeDeps) => Promise<T>): Promise<T> {
  return withTenantEvents(
    { tenantId: principal.tenantId, userId: principal.principalId, actor: actorOf(principal) },
    (tx, events) => work({ tx, principal, newId: uuidv7, events, now: () => new Date() }),
  );
}

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
