import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectAlerts } from './repository';
import type { ListAlertsQuery } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type ListAlertsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the tenant's alerts, newest first, filtered by status, severity and detector. */
export function listAlerts(query: ListAlertsQuery, deps: ListAlertsDeps) {
  return selectAlerts(deps.tx, deps.principal.tenantId, query);
}
