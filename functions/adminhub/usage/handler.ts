import { createHttpHandler } from '@halooid/shared/http/adapter';
import { tenantDeadLetters } from './dead-letters';
import { getUsage } from './get-usage';
import { listDeadLetters } from './list-dead-letters';
import { redriveDeadLetters } from './redrive-dead-letters';
import { usageService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(usageService, {
  getUsage: async ({ query, inTenant, principal }) => ({
    body: await inTenant((deps) =>
      getUsage(query, {
        ...deps,
        deadLetterDepth: () => tenantDeadLetters(principal.tenantId)?.list().length,
      }),
    ),
  }),
  listDeadLetters: async ({ principal }) => ({
    body: listDeadLetters(tenantDeadLetters(principal.tenantId)),
  }),
  redriveDeadLetters: async ({ body, inTenant, principal }) => ({
    body: await inTenant((deps) =>
      redriveDeadLetters(body, { ...deps, letters: tenantDeadLetters(principal.tenantId) }),
    ),
  }),
});
