import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  Count,
  CountParams,
  CountSummary,
  CreateCountBody,
  DecisionBody,
  ListCountsQuery,
  RecordEntriesBody,
  SubmitCountBody,
} from './schemas';

const BLIND =
  'Counting is blind: `expected`, `variance`, `unitCost` and `varianceValue` are left out while the count is open, and shown only to holders of `invantray:stock:adjust` once it is submitted (`blind` says which view you got).';

/**
 * Cycle counts: counters count a location blind, an approver looks at the
 * variances when their value is above the tenant's threshold, and posting
 * turns them into `count` moves through the stock ledger. Counting
 * (`invantray:stock:count`) and approving (`invantray:stock:adjust`, the
 * stock capability's grant for changing stock without a document) are
 * separate grants, and the submitter never approves their own count.
 */
export const countsService = defineService({
  product: 'invantray',
  capability: 'counts',
  description: 'Cycle counts: blind counting of a location, variances, approval over a threshold, posting.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [{ type: 'count.posted' }, { type: 'stock.moved' }],
  permissions: [
    {
      name: 'invantray:stock:count',
      description: 'Start cycle counts, enter counted quantities, submit and cancel counts.',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listCounts',
      method: 'GET',
      path: '/v1/invantray/counts',
      permission: 'invantray:stock:read',
      summary: 'List cycle counts',
      description: `Newest first, a page at a time; filter by \`status\` and \`warehouseId\`. ${BLIND}`,
      query: ListCountsQuery,
      response: pageOf(CountSummary),
    }),
    defineRoute({
      operationId: 'createCount',
      method: 'POST',
      path: '/v1/invantray/counts',
      permission: 'invantray:stock:count',
      summary: 'Start a cycle count',
      description:
        'Counts a location and, unless `includeSublocations: false`, every location below it; `itemIds` limits it to some items. It is numbered CNT-00001… and gets one line per item × location × lot with stock there, its expected quantity snapshotted now. A location another open or submitted count covers is a 409 `count_overlaps` naming it.',
      body: CreateCountBody,
      status: 201,
      response: Count,
    }),
    defineRoute({
      operationId: 'getCount',
      method: 'GET',
      path: '/v1/invantray/counts/{countId}',
      permission: 'invantray:stock:read',
      summary: 'Get a cycle count with its lines',
      description: BLIND,
      params: CountParams,
      response: Count,
    }),
    defineRoute({
      operationId: 'recordCountEntries',
      method: 'PUT',
      path: '/v1/invantray/counts/{countId}/entries',
      permission: 'invantray:stock:count',
      summary: 'Record counted quantities',
      description:
        'Each entry sets the counted quantity of an item (and lot or serial number) at a location of the count; entering it again replaces it. Stock the snapshot did not list is added as a line expecting what the ledger holds there now (0 when nothing). The count must be open (409 `count_status`); entries outside the count, unknown items or lots are a 422 listing each, and nothing is recorded.',
      params: CountParams,
      body: RecordEntriesBody,
      response: Count,
    }),
    defineRoute({
      operationId: 'submitCount',
      method: 'POST',
      path: '/v1/invantray/counts/{countId}/submit',
      permission: 'invantray:stock:count',
      summary: 'Submit a cycle count',
      description:
        'Lines never counted are a 422 `uncounted_lines` naming each, unless `uncountedAsZero: true`. The variance value (Σ |counted − expected| × average cost, base currency) at or under the tenant’s count approval threshold posts the count at once: one `count` move per line with a variance. Above it the count waits for approval (`pending_approval`). A take that no longer fits because stock moved since the count started is a 409 `count_stock_changed` naming the line.',
      params: CountParams,
      body: SubmitCountBody,
      response: Count,
    }),
    defineRoute({
      operationId: 'approveCount',
      method: 'POST',
      path: '/v1/invantray/counts/{countId}/approve',
      permission: 'invantray:stock:adjust',
      summary: 'Approve and post a cycle count',
      description:
        'Posts a count waiting for approval (its `count` moves and `count.posted`). Whoever submitted it cannot approve it (403). A take that no longer fits is a 409 `count_stock_changed` naming the line.',
      params: CountParams,
      body: DecisionBody,
      response: Count,
    }),
    defineRoute({
      operationId: 'rejectCount',
      method: 'POST',
      path: '/v1/invantray/counts/{countId}/reject',
      permission: 'invantray:stock:adjust',
      summary: 'Send a cycle count back to counting',
      description:
        'A count waiting for approval goes back to `open`; counted quantities stay, to be corrected.',
      params: CountParams,
      body: DecisionBody,
      response: Count,
    }),
    defineRoute({
      operationId: 'cancelCount',
      method: 'POST',
      path: '/v1/invantray/counts/{countId}/cancel',
      permission: 'invantray:stock:count',
      summary: 'Cancel a cycle count',
      description: 'An open or submitted count is abandoned: nothing is posted. A posted count is a 409.',
      params: CountParams,
      body: DecisionBody,
      response: Count,
    }),
  ],
});
