import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectEmployees } from './repository';
import type { ListEmployeesQuery } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type ListEmployeesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the tenant's employees, filtered, searched and sorted as asked. */
export function listEmployees(query: ListEmployeesQuery, deps: ListEmployeesDeps) {
  return selectEmployees(deps.tx, deps.principal.tenantId, query);
}
