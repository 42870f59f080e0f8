import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { LeaveRequest } from '../domain/time-off-request';
import { callerUserId, isTimeOffAdmin, todayOf } from './access';
import { selectRequest, selectRequests, type Viewer } from './repository';
import type { ListRequestsQuery } from './schemas';

export type ReadRequestsDeps = Pick<RequestDeps, 'tx' | 'principal' | 'now'>;

const viewerOf = (deps: ReadRequestsDeps): Viewer => ({
  tenantId: deps.principal.tenantId,
  userId: callerUserId(deps.principal),
  admin: isTimeOffAdmin(deps.principal),
  today: todayOf(deps.now()),
});

/** A page of the requests the caller may see (their own, their team's, their delegator's; HR all). */
export function listRequests(query: ListRequestsQuery, deps: ReadRequestsDeps) {
  return selectRequests(deps.tx, viewerOf(deps), query);
}

/** One request; one the caller may not see is a 404, like one that does not exist. */
export async function getRequest(requestId: string, deps: ReadRequestsDeps): Promise<LeaveRequest> {
  const request = await selectRequest(deps.tx, viewerOf(deps), requestId);
  if (!request) throw new NotFoundError('Leave request');
  return request;
}
