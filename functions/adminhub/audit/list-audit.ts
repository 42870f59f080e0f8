import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectAuditPage } from './repository';
import type { ListAuditQuery } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type ListAuditDeps = Pick<RequestDeps, 'tx' | 'principal' | 'now'>;

/** One page of the tenant's audit log, newest first, through the filters. */
export function listAudit(query: ListAuditQuery, deps: ListAuditDeps) {
  const { cursor, limit, ...filters } = query;
  return selectAuditPage(deps.tx, deps.principal.tenantId, filters, { cursor, limit, now: deps.now() });
}
