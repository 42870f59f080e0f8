import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectJob, selectJobs } from './repository';

/** A job of this tenant with its results; any other id is a 404. */
export async function getBulkJob(jobId: string, deps: Pick<RequestDeps, 'tx'>) {
  const job = await selectJob(deps.tx, jobId);
  if (!job) throw new NotFoundError('Bulk job');
  return job;
}

/** The tenant's jobs, newest first, without their results. */
export function listBulkJobs(
  page: { cursor?: string | undefined; limit: number },
  deps: Pick<RequestDeps, 'tx'>,
) {
  return selectJobs(deps.tx, page);
}
