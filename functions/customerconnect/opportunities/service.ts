import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { ImportQuery } from '../domain/record-import';
import {
  Board,
  BoardQuery,
  ChangeOpportunityBody,
  CreateOpportunityBody,
  ExportOpportunitiesQuery,
  ImportOpportunitiesBody,
  ImportOpportunitiesResult,
  ListOpportunitiesQuery,
  MoveStageBody,
  Opportunity,
  OpportunityDetail,
  OpportunityParams,
  StageHistoryEntry,
  StageHistoryQuery,
} from './schemas';

const path = '/v1/customerconnect/opportunities';
const VISIBILITY =
  'Only opportunities you may see (the tenant’s opportunity visibility: all, your team’s or your own; a team manager sees the team’s; `customerconnect:record:admin` sees all).';

/**
 * Opportunities (deals): their pipeline stage and rank on the board, money
 * (decimal strings beside an ISO 4217 currency), contacts with roles, custom
 * fields; the stage moves with their history; the board. Rows are scoped by
 * domain/visibility.ts: one outside the caller's visibility is a 404.
 */
export const opportunitiesService = defineService({
  product: 'customerconnect',
  capability: 'opportunities',
  description: 'Opportunities (deals), their stage moves and history, and the pipeline board.',
  resources: { database: true },
  emits: [
    { type: 'opportunity.created' },
    { type: 'opportunity.updated' },
    { type: 'opportunity.stage_changed' },
    { type: 'opportunity.won' },
    { type: 'opportunity.lost' },
  ],
  permissions: [
    {
      name: 'customerconnect:opportunity:read',
      description: 'See opportunities, pipelines, the board and the forecast.',
    },
    {
      name: 'customerconnect:opportunity:write',
      description: 'Create and change opportunities and move them between stages.',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listOpportunities',
      method: 'GET',
      path,
      permission: 'customerconnect:opportunity:read',
      summary: 'List opportunities',
      description: `${VISIBILITY} Newest first unless \`sort\` says otherwise, a page at a time (\`cursor\`). Filter by pipeline, stage, status, owner (\`me\`), company, contact, name (\`q\`), expected close date range, minimum amount and custom fields.`,
      query: ListOpportunitiesQuery,
      response: pageOf(Opportunity),
    }),
    defineRoute({
      operationId: 'createOpportunity',
      method: 'POST',
      path,
      permission: 'customerconnect:opportunity:write',
      summary: 'Create an opportunity',
      description:
        'In the default pipeline unless `pipelineId` is given (a tenant without any pipeline gets the standard one), in its first open stage unless `stageId` is given; owned by you unless `ownerId` is given. `amount` is a decimal string with at most two places, sent with its `currency` (both or neither: 400). A company, contact or owner you cannot see or that does not exist is a 422 naming the field.',
      body: CreateOpportunityBody,
      status: 201,
      response: OpportunityDetail,
    }),
    defineRoute({
      operationId: 'exportOpportunities',
      method: 'GET',
      path: `${path}/export`,
      permission: 'customerconnect:opportunity:read',
      summary: 'Export opportunities as CSV',
      description: `Every opportunity the list would return for the same filters and sort, as one \`text/csv\` download (UTF-8 with BOM, CRLF, RFC 4180 quoting; cells starting with = + - @ get a leading \`'\`). ${VISIBILITY} Columns: id, name, pipeline, stage, status, amount (exact decimal), currency, expected close date, company (only one you may see), owner (email), tags (\`;\`-separated), close reason, closed at, created at, then \`custom.<key>\` per custom field. More than 25,000 rows is a 400: narrow the filters.`,
      query: ExportOpportunitiesQuery,
      produces: ['text/csv'],
    }),
    defineRoute({
      operationId: 'importOpportunities',
      method: 'POST',
      path: `${path}/import`,
      permission: 'customerconnect:opportunity:write',
      summary: 'Import opportunities from CSV',
      description:
        'Send JSON `{"csv": "...", "mapping": {"Deal Stage": "stage"}}`, or the CSV as `Content-Type: text/csv` with `?map=Header:field` (1 MB at most: about 5,000 rows). Every row creates a deal (deals have no duplicate key, so `dedupe` changes nothing), through the same rules as POST /opportunities: a refused row is reported in `failed` with its row number (the header is row 1), column and reason, and the others land. A file without a header or a name column is a 400 and imports nothing.',
      query: ImportQuery,
      body: ImportOpportunitiesBody,
      textBodyTypes: ['text/csv'],
      response: ImportOpportunitiesResult,
    }),
    defineRoute({
      operationId: 'getOpportunity',
      method: 'GET',
      path: `${path}/{opportunityId}`,
      permission: 'customerconnect:opportunity:read',
      summary: 'Get an opportunity',
      description: `With its current stage and its contacts. ${VISIBILITY} Any other is a 404.`,
      params: OpportunityParams,
      response: OpportunityDetail,
    }),
    defineRoute({
      operationId: 'updateOpportunity',
      method: 'PATCH',
      path: `${path}/{opportunityId}`,
      permission: 'customerconnect:opportunity:write',
      summary: 'Change an opportunity',
      description:
        'Everything but its stage (POST …/stage) and pipeline. Send `version` (or If-Match); a stale one is a 409. `contacts` replaces the whole list. Each change lands on the timeline with its before and after values.',
      params: OpportunityParams,
      body: ChangeOpportunityBody,
      headers: IF_MATCH_HEADER,
      response: OpportunityDetail,
    }),
    defineRoute({
      operationId: 'moveOpportunityStage',
      method: 'POST',
      path: `${path}/{opportunityId}/stage`,
      permission: 'customerconnect:opportunity:write',
      summary: 'Move an opportunity to a stage or within its stage',
      description:
        'To another stage of its pipeline (a stage elsewhere is a 422) and/or to a place on the board: right after `afterId`, right before `beforeId`, at `rank`, or else the end of the stage. A stage change records the time spent in the old stage in the stage history; a won or lost stage closes the deal (closedAt, closeReason = `reason`), an open one reopens it. `version` is optional here; a stale one is a 409.',
      params: OpportunityParams,
      body: MoveStageBody,
      response: OpportunityDetail,
    }),
    defineRoute({
      operationId: 'listOpportunityStageHistory',
      method: 'GET',
      path: `${path}/{opportunityId}/stage-history`,
      permission: 'customerconnect:opportunity:read',
      summary: 'An opportunity’s stage history',
      description:
        'Every stage move, newest first, with who moved it and the seconds it spent in the stage it left.',
      params: OpportunityParams,
      query: StageHistoryQuery,
      response: pageOf(StageHistoryEntry),
    }),
    defineRoute({
      operationId: 'getBoard',
      method: 'GET',
      path: '/v1/customerconnect/board',
      permission: 'customerconnect:opportunity:read',
      summary: 'The pipeline board',
      description: `The pipeline's stages in order (the default pipeline unless \`pipelineId\` is given; none is a 404), each with its count, its total per currency and its first \`limit\` cards in rank order; \`nextCursor\` continues with GET /v1/customerconnect/opportunities?pipelineId=…&stageId=…&sort=rank. ${VISIBILITY}`,
      query: BoardQuery,
      response: Board,
    }),
  ],
});
