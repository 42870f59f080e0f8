import { defineRoute, defineService } from '@halooid/shared/manifest';
import { Valuation, ValuationQuery } from './schemas';

const HOW =
  'On hand at the instant (the balances minus the moves posted after it) times each item’s moving-average cost then (its latest cost history entry at or before the instant; an item whose average never changed by then at its current average), rounded to cents per item and warehouse and summed in exact decimals, in the tenant’s base currency.';

/**
 * The stock value report (issue 16 §4). Its own grant, because what stock
 * is worth is finance's business as much as the warehouse's: Warehouse
 * Managers and Procurement Officers have it, Members do not.
 */
export const valuationService = defineService({
  product: 'invantray',
  capability: 'valuation',
  description: 'Stock value by warehouse, category or item, now or at a date, and as CSV.',
  resources: { database: true },
  permissions: [
    {
      name: 'invantray:valuation:read',
      description: 'See what stock is worth (valuation report and export).',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'getStockValuation',
      method: 'GET',
      path: '/v1/invantray/valuation',
      permission: 'invantray:valuation:read',
      summary: 'Stock value report',
      description: `${HOW} Rows by \`groupBy\` (warehouse by default) with the totals.`,
      query: ValuationQuery,
      response: Valuation,
    }),
    defineRoute({
      operationId: 'exportStockValuation',
      method: 'GET',
      path: '/v1/invantray/valuation/export',
      permission: 'invantray:valuation:read',
      summary: 'Export the stock value report as CSV',
      description:
        "The same report as one `text/csv` download (UTF-8 with BOM, CRLF, every cell quoted, formula-like cells prefixed with `'`): the group, code, id, quantity, unit cost, value, currency and instant per row, then a Total line.",
      query: ValuationQuery,
      produces: ['text/csv'],
    }),
  ],
});
