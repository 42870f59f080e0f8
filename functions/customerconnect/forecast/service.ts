import { defineRoute, defineService } from '@halooid/shared/manifest';
import { Forecast, ForecastQuery } from './schemas';

/**
 * The sales forecast: deals by expected close date within a year, quarter or
 * month, grouped by owner, stage or month, per currency, with the weighted
 * amount (Σ amount × stage probability) computed exactly in SQL. Read by
 * everyone who reads opportunities, within their visibility.
 */
export const forecastService = defineService({
  product: 'customerconnect',
  capability: 'forecast',
  description: 'The sales forecast: totals and weighted amounts of a period’s deals.',
  resources: { database: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'getForecast',
      method: 'GET',
      path: '/v1/customerconnect/forecast',
      permission: 'customerconnect:opportunity:read',
      summary: 'The forecast of a period',
      description:
        'Over the opportunities you may see whose expected close date falls in `period` (2026, 2026-Q4 or 2026-11; anything else is a 400), optionally of one pipeline or owner (`me`), grouped by owner, stage or month: per currency the count and total of all, open, won and lost deals and the weighted amount Σ amount × stage probability / 100 (won stages 100 %, lost 0 %), exact decimal strings. Deals without an amount are left out; currencies are never converted or added together.',
      query: ForecastQuery,
      response: Forecast,
    }),
  ],
});
