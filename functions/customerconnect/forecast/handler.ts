import { createHttpHandler } from '@halooid/shared/http/adapter';
import { getForecast } from './get-forecast';
import { forecastService } from './service';

/** Thin: the adapter has validated the input; the use case runs in the caller's tenant. */
export const handler = createHttpHandler(forecastService, {
  getForecast: async ({ query, inTenant }) => ({ body: await inTenant((deps) => getForecast(query, deps)) }),
});
