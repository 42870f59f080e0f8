import { createHttpHandler } from '@halooid/shared/http/adapter';
import { addCompensation } from './add-compensation';
import { addIdentifiers, listIdentifiers } from './identifiers';
import { listCompensation } from './list-compensation';
import { compensationService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(compensationService, {
  listCompensation: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => listCompensation(params.employeeId, deps)),
  }),
  addCompensation: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => addCompensation(params.employeeId, body, deps)),
  }),
  listIdentifiers: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => listIdentifiers(params.employeeId, deps)),
  }),
  addIdentifiers: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => addIdentifiers(params.employeeId, body, deps)),
  }),
});
