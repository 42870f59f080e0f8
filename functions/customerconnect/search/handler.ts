import { createHttpHandler } from '@halooid/shared/http/adapter';
import { searchRecords } from './search-records';
import { searchService } from './service';

/** Thin: the adapter has validated the input; the search runs in the caller's tenant. */
export const handler = createHttpHandler(searchService, {
  searchRecords: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => searchRecords(query, deps)),
  }),
});
