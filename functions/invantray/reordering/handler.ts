import { createHttpHandler } from '@halooid/shared/http/adapter';
import { getSuggestion } from './get-suggestion';
import { listBelow } from './list-below';
import { runReorder } from './run-reorder';
import { reorderingService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(reorderingService, {
  runReorder: async ({ inTenant }) => ({ body: await inTenant((deps) => runReorder(deps)) }),
  listBelowReorderPoint: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listBelow(query, deps)),
  }),
  getReorderSuggestion: async ({ params, query, inTenant }) => ({
    body: await inTenant((deps) => getSuggestion(params.itemId, query, deps)),
  }),
});
