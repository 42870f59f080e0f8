import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { employeeScopeOf } from '../domain/employee-scope';
import { selectEmployees } from './repository';
import type { ListEmployeesQuery } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type ListEmployeesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the employees in the caller's scope, filtered, searched and sorted as asked. */
export function listEmployees(query: ListEmployeesQuery, deps: ListEmployeesDeps) {
  return selectEmployees(deps.tx, deps.principal.tenantId, employeeScopeOf(deps.principal), query);
}
