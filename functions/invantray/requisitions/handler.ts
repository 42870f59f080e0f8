import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { cancelRequisition } from './cancel-requisition';
import { createRequisition } from './create-requisition';
import { decideRequisition } from './decide-requisition';
import { getRequisition, listRequisitions } from './get-requisition';
import { orderRequisition } from './order-requisition';
import type { Requisition } from './schemas';
import { requisitionsService } from './service';
import { submitRequisition } from './submit-requisition';
import { updateRequisition } from './update-requisition';

const versioned = (requisition: Requisition) => ({
  body: requisition,
  headers: etag(requisition.version),
});

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(requisitionsService, {
  listRequisitions: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listRequisitions(query, deps)),
  }),
  createRequisition: async ({ body, inTenant }) => {
    const requisition = await inTenant((deps) => createRequisition(body, deps));
    return {
      body: requisition,
      headers: { Location: `/v1/invantray/requisitions/${requisition.id}`, ...etag(requisition.version) },
    };
  },
  getRequisition: async ({ params, inTenant }) =>
    versioned(await inTenant((deps) => getRequisition(params.requisitionId, deps))),
  updateRequisition: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    return versioned(
      await inTenant((deps) => updateRequisition(params.requisitionId, version, changes, deps)),
    );
  },
  submitRequisition: async ({ params, inTenant }) =>
    versioned(await inTenant((deps) => submitRequisition(params.requisitionId, deps))),
  cancelRequisition: async ({ params, inTenant }) =>
    versioned(await inTenant((deps) => cancelRequisition(params.requisitionId, deps))),
  approveRequisition: async ({ params, body, inTenant }) =>
    versioned(
      await inTenant((deps) =>
        decideRequisition(params.requisitionId, { decision: 'approved', note: body?.note || null }, deps),
      ),
    ),
  rejectRequisition: async ({ params, body, inTenant }) =>
    versioned(
      await inTenant((deps) =>
        decideRequisition(params.requisitionId, { decision: 'rejected', note: body.reason }, deps),
      ),
    ),
  orderRequisition: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => orderRequisition(params.requisitionId, body, deps)),
  }),
});
