import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectEmployees } from '../domain/employee-repository';
import type { ListEmployeesQuery } from '../domain/employee-schemas';
import { employeeScopeOf } from '../domain/employee-scope';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type ListEmployeesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the employees in the caller's scope, filtered, searched and sorted as asked. */
export function listEmployees(query: ListEmployeesQuery, deps: ListEmployeesDeps) {
  return selectEmployees(deps.tx, deps.principal.tenantId, employeeScopeOf(deps.principal), query);
}
