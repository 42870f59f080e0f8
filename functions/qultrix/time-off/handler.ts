import { createHttpHandler } from '@halooid/shared/http/adapter';
import { teamCalendar } from './calendar';
import { cancelRequest } from './cancel-request';
import { createRequest } from './create-request';
import { decideRequest } from './decide-request';
import { createDelegation, listDelegations, removeDelegation } from './delegations';
import { previewRequest } from './preview';
import { getRequest, listRequests } from './read-requests';
import { timeOffService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(timeOffService, {
  previewTimeOff: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => previewRequest(query, deps)),
  }),
  listTimeOffRequests: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listRequests(query, deps)),
  }),
  createTimeOffRequest: async ({ body, inTenant }) => {
    const request = await inTenant((deps) => createRequest(body, deps));
    return { body: request, headers: { Location: `/v1/qultrix/time-off/requests/${request.id}` } };
  },
  getTimeOffRequest: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => getRequest(params.requestId, deps)),
  }),
  approveTimeOffRequest: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => decideRequest(params.requestId, 'approved', body, deps)),
  }),
  rejectTimeOffRequest: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => decideRequest(params.requestId, 'rejected', body, deps)),
  }),
  cancelTimeOffRequest: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => cancelRequest(params.requestId, deps)),
  }),
  getTimeOffCalendar: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => teamCalendar(query, deps)),
  }),
  listApprovalDelegations: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listDelegations(query, deps)),
  }),
  createApprovalDelegation: async ({ body, inTenant }) => ({
    body: await inTenant((deps) => createDelegation(body, deps)),
  }),
  deleteApprovalDelegation: async ({ params, inTenant }) => {
    await inTenant((deps) => removeDelegation(params.delegationId, deps));
    return { body: undefined };
  },
});
