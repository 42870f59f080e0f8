import { defineRoute, defineService } from '@halooid/shared/manifest';
import { BulkJob, BulkJobPage, BulkJobParams, CreateBulkJobBody, ListBulkJobsQuery } from './schemas';

/**
 * Bulk member actions: disable, enable, sign out or add a role over a
 * selection (ids, or the directory's filters), as one job with a result per
 * member. The job runs within its request (at most 500 members: the
 * database work is one transaction, the token revocations run concurrently
 * after commit), so the answer is the finished job. Under the users
 * permissions: a bulk job is the same actions, many at once.
 */
export const bulkJobsService = defineService({
  product: 'adminhub',
  capability: 'bulk-jobs',
  description:
    'Bulk disable, enable, sign-out and role assignment over a selection of members, with per-member results.',
  resources: { database: true, tables: ['idempotency', 'revocations'] },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'createBulkJob',
      method: 'POST',
      path: '/v1/adminhub/bulk-jobs',
      permission: 'adminhub:user:write',
      summary: 'Run a bulk action',
      description:
        'One audited job, plus an audit record per member changed. Each member is `ok`, `skipped` (nothing to do, or yourself) or `failed` (with the reason: an Owner an Admin cannot touch, the last Owner). A filter selecting more than 500 members is a 422; unknown ids are failed results.',
      body: CreateBulkJobBody,
      status: 201,
      response: BulkJob,
    }),
    defineRoute({
      operationId: 'listBulkJobs',
      method: 'GET',
      path: '/v1/adminhub/bulk-jobs',
      permission: 'adminhub:user:read',
      summary: 'Bulk jobs, newest first',
      query: ListBulkJobsQuery,
      response: BulkJobPage,
    }),
    defineRoute({
      operationId: 'getBulkJob',
      method: 'GET',
      path: '/v1/adminhub/bulk-jobs/{bulkJobId}',
      permission: 'adminhub:user:read',
      summary: 'A bulk job with its results',
      params: BulkJobParams,
      response: BulkJob,
    }),
  ],
});
