import { createHttpHandler } from '@halooid/shared/http/adapter';
import { getOrganization } from './get-organization';
import { organizationService } from './service';
import { changeOrganization } from './update-organization';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(organizationService, {
  getOrganization: async ({ inTenant }) => ({ body: await inTenant((deps) => getOrganization(deps)) }),
  updateOrganization: async ({ body, inTenant }) => ({
    body: await inTenant((deps) => changeOrganization(body, deps)),
  }),
});
