import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectLeaveTypes } from './repository';
import type { ListLeaveTypesQuery } from './schemas';

export type ListLeaveTypesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the tenant's leave types, by name. */
export function listLeaveTypes(query: ListLeaveTypesQuery, deps: ListLeaveTypesDeps) {
  return selectLeaveTypes(deps.tx, deps.principal.tenantId, query);
}
