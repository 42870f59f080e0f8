import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag } from '@halooid/shared/http/versioning';
import { createCount } from './create-count';
import { approveCount, cancelCount, rejectCount } from './decide-count';
import { getCount } from './get-count';
import { listCounts } from './list-counts';
import { recordEntries } from './record-entries';
import { countsService } from './service';
import { submitCount } from './submit-count';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(countsService, {
  listCounts: async ({ query, inTenant }) => ({ body: await inTenant((deps) => listCounts(query, deps)) }),
  createCount: async ({ body, inTenant }) => {
    const count = await inTenant((deps) => createCount(body, deps));
    return {
      body: count,
      headers: { Location: `/v1/invantray/counts/${count.id}`, ...etag(count.version) },
    };
  },
  getCount: async ({ params, inTenant }) => {
    const count = await inTenant((deps) => getCount(params.countId, deps));
    return { body: count, headers: etag(count.version) };
  },
  recordCountEntries: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => recordEntries(params.countId, body, deps)),
  }),
  submitCount: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => submitCount(params.countId, body, deps)),
  }),
  approveCount: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => approveCount(params.countId, body, deps)),
  }),
  rejectCount: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => rejectCount(params.countId, body, deps)),
  }),
  cancelCount: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => cancelCount(params.countId, body, deps)),
  }),
});
