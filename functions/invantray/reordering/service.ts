import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  BelowItem,
  ListBelowQuery,
  ReorderRunResult,
  ReorderSuggestion,
  SuggestionParams,
  SuggestionQuery,
} from './schemas';

/**
 * Reordering: items whose available plus on-order quantity in a warehouse
 * falls below their reorder point get draft purchase order lines for their
 * default supplier, grouped by supplier. Three triggers run the same
 * idempotent check (check-reorder.ts): every stock move that takes stock
 * out (subscription), the daily job over every tenant (product.ts
 * schedules), and POST /reorder/run. The suggestion computes a reorder point
 * from the last 90 days of demand.
 */
export const reorderingService = defineService({
  product: 'invantray',
  capability: 'reordering',
  description: 'Reorder detection, draft purchase orders by supplier, and reorder point suggestions.',
  resources: { database: true },
  emits: [{ type: 'stock.below_reorder_point' }, { type: 'purchase-order.created' }],
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'runReorder',
      method: 'POST',
      path: '/v1/invantray/reorder/run',
      permission: 'invantray:procurement:order',
      summary: 'Run the reorder check now',
      description:
        'Checks every reorder setting of the tenant now, as the scheduled job does: each item × warehouse whose available (on hand − reserved) plus on order (open lines of orders in draft to partially_received for that warehouse) is below its reorder point gets a draft line for its default supplier, ordering the reorder quantity or the gap to the point if larger, on the supplier’s open reorder draft for that warehouse (a new one when there is none). Idempotent: running it again, or racing the on-move trigger, orders nothing twice. Items without a default supplier are reported (and announced once) with no order.',
      response: ReorderRunResult,
    }),
    defineRoute({
      operationId: 'listBelowReorderPoint',
      method: 'GET',
      path: '/v1/invantray/reorder/below',
      permission: 'invantray:stock:read',
      summary: 'Items below their reorder point',
      description:
        'Items whose available quantity in a warehouse is below its reorder point, by SKU, a page at a time: available, on order, point and quantity, whether open orders cover the gap (`covered`), the default supplier and the open order covering it (the reorder draft first).',
      query: ListBelowQuery,
      response: pageOf(BelowItem),
    }),
    defineRoute({
      operationId: 'getReorderSuggestion',
      method: 'GET',
      path: '/v1/invantray/items/{itemId}/reorder-suggestion',
      permission: 'invantray:item:read',
      summary: 'Suggest a reorder point from demand',
      description:
        'From the 90 whole days before today: daily demand (issues from the warehouse and transfers out of it; 0 on days without) smoothed exponentially (α = 0.1) to d, its standard deviation σ, the lead time L (the default supplier’s unless `leadTimeDays`), z for the service level: reorder point = d·L + z·σ·√L, the safety stock z·σ·√L shown apart, beside the configured point. Without a default supplier or `leadTimeDays` it is a 422 `lead_time_unknown`.',
      params: SuggestionParams,
      query: SuggestionQuery,
      response: ReorderSuggestion,
    }),
  ],
  subscriptions: [
    {
      name: 'reorder-on-move',
      pattern: { source: ['halooid.invantray'], 'detail-type': ['stock.moved'] },
      handler: 'reorderOnMove',
    },
  ],
});
