import { createHttpHandler } from '@halooid/shared/http/adapter';
import { acknowledgeAlert } from './acknowledge-alert';
import { getAlert } from './get-alert';
import { listAlerts } from './list-alerts';
import { resolveAlert } from './resolve-alert';
import { alertsService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(alertsService, {
  listAlerts: async ({ query, inTenant }) => ({ body: await inTenant((deps) => listAlerts(query, deps)) }),
  getAlert: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => getAlert(params.alertId, deps)),
  }),
  acknowledgeAlert: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => acknowledgeAlert(params.alertId, deps)),
  }),
  resolveAlert: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => resolveAlert(params.alertId, body, deps)),
  }),
});
