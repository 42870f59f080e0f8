import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse } from '@halooid/shared/http/csv';
import { valuationCsv } from './export-valuation';
import { valuationService } from './service';
import { valueStock } from './value-stock';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(valuationService, {
  getStockValuation: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => valueStock(query, deps)),
  }),
  exportStockValuation: async ({ query, inTenant }) => {
    const report = await inTenant((deps) => valueStock(query, deps));
    const day = (report.at ?? new Date().toISOString()).slice(0, 10);
    return csvResponse(`stock-value-${query.groupBy}-${day}.csv`, valuationCsv(report));
  },
});
