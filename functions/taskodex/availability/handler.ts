import { createHttpHandler } from '@halooid/shared/http/adapter';
import { listAbsences } from './list-absences';
import { availabilityService } from './service';

export const handler = createHttpHandler(availabilityService, {
  listAbsences: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listAbsences(query, deps)),
  }),
});
