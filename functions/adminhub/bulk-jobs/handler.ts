import { createHttpHandler } from '@halooid/shared/http/adapter';
import { pendingRevocations } from '../domain/members-revocations';
import { getBulkJob, listBulkJobs } from './get-bulk-job';
import { runBulkJob } from './run-bulk-job';
import { bulkJobsService } from './service';

/** Thin: the adapter has validated the input; the job's revocations are written after its transaction commits. */
export const handler = createHttpHandler(bulkJobsService, {
  createBulkJob: async ({ body, inTenant }) => {
    const pending = pendingRevocations();
    const job = await inTenant((deps) => runBulkJob(body, { ...deps, revocations: pending.store }));
    await pending.flush();
    return { body: job, headers: { Location: `/v1/adminhub/bulk-jobs/${job.id}` } };
  },
  listBulkJobs: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listBulkJobs(query, deps)),
  }),
  getBulkJob: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => getBulkJob(params.bulkJobId, deps)),
  }),
});
