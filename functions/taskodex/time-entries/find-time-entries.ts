import { assertMayRead, isApprover, type TimeDeps } from '../domain/time-access';
import { listTimeEntries } from '../domain/time-entry-repository';
import type { ListTimeEntriesQuery } from '../domain/time-entry-schemas';

/** Your own entries by default; approvers see everyone's unless they filter by user. */
export function findTimeEntries(query: ListTimeEntriesQuery, deps: TimeDeps) {
  const { principal } = deps;
  if (query.userId) assertMayRead(principal, query.userId);
  const userIds = query.userId ? [query.userId] : isApprover(principal) ? undefined : [principal.principalId];
  return listTimeEntries(deps.tx, principal.tenantId, { ...query, userIds });
}
