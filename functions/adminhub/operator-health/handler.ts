import { checkHealth, platformProbes } from '@halooid/shared/health';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { getMetricsSource } from '@halooid/shared/metrics/get-metrics-source';
import { asOperatorFor } from '@halooid/shared/operator';
import { getOperatorHealth } from './get-operator-health';
import { listTopTenants } from './list-top-tenants';
import { operatorHealthService } from './service';

/** Thin: the adapter has validated the input and checked the operator; each route runs one use case as the operator. */
export const handler = createHttpHandler(operatorHealthService, {
  getOperatorHealth: async ({ logger, ...request }) => ({
    headers: { 'Cache-Control': 'no-store' },
    body: await asOperatorFor(
      request.principal,
      request,
    )((deps) =>
      getOperatorHealth({
        ...deps,
        checkComponents: () => checkHealth(platformProbes(), logger),
        metrics: getMetricsSource(deps.tx),
        onMetricsError: (error) => logger.warn('Metrics source failed', { error: (error as Error).message }),
      }),
    ),
  }),
  listTopTenants: async ({ query, ...request }) => ({
    body: await asOperatorFor(request.principal, request)((deps) => listTopTenants(query, deps)),
  }),
});
