import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse } from '@halooid/shared/http/csv';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { importRequestOf } from '../domain/record-import';
import { getBoard } from './board';
import { changeOpportunity } from './change-opportunity';
import { createOpportunity } from './create-opportunity';
import { exportOpportunities } from './export-opportunities';
import { getOpportunity } from './get-opportunity';
import { importOpportunities } from './import-opportunities';
import { listOpportunities } from './list-opportunities';
import { moveStage } from './move-stage';
import { opportunitiesService } from './service';
import { stageHistory } from './stage-history';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(opportunitiesService, {
  listOpportunities: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listOpportunities(query, deps)),
  }),
  createOpportunity: async ({ body, inTenant }) => {
    const opportunity = await inTenant((deps) => createOpportunity(body, deps));
    return {
      body: opportunity,
      headers: {
        Location: `/v1/customerconnect/opportunities/${opportunity.id}`,
        ...etag(opportunity.version),
      },
    };
  },
  exportOpportunities: async ({ query, inTenant }) => {
    const csv = await inTenant((deps) => exportOpportunities(query, deps));
    return csvResponse(`opportunities-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  },
  importOpportunities: async ({ body, query, inTenant }) => {
    const request = importRequestOf(body, query);
    return { body: await inTenant((deps) => importOpportunities(request, deps)) };
  },
  getOpportunity: async ({ params, inTenant }) => {
    const opportunity = await inTenant((deps) => getOpportunity(params.opportunityId, deps));
    return { body: opportunity, headers: etag(opportunity.version) };
  },
  updateOpportunity: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const opportunity = await inTenant((deps) =>
      changeOpportunity(params.opportunityId, version, changes, deps),
    );
    return { body: opportunity, headers: etag(opportunity.version) };
  },
  moveOpportunityStage: async ({ params, body, inTenant }) => {
    const opportunity = await inTenant((deps) => moveStage(params.opportunityId, body, deps));
    return { body: opportunity, headers: etag(opportunity.version) };
  },
  listOpportunityStageHistory: async ({ params, query, inTenant }) => ({
    body: await inTenant((deps) => stageHistory(params.opportunityId, query, deps)),
  }),
  getBoard: async ({ query, inTenant }) => ({ body: await inTenant((deps) => getBoard(query, deps)) }),
});
