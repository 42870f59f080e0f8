import { createHttpHandler } from '@halooid/shared/http/adapter';
import { cancelJobChange } from './cancel-job-change';
import { recordJobChange } from './record-job-change';
import { jobHistoryService } from './service';
import { employeeTimeline } from './timeline';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(jobHistoryService, {
  recordJobChange: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => recordJobChange(params.employeeId, body, deps)),
  }),
  cancelJobChange: async ({ params, inTenant }) => {
    await inTenant((deps) => cancelJobChange(params.employeeId, params.changeId, deps));
    return { body: undefined };
  },
  getEmployeeTimeline: async ({ params, query, inTenant }) => ({
    body: await inTenant((deps) => employeeTimeline(params.employeeId, query, deps)),
  }),
});
