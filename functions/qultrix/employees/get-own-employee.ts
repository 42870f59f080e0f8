import { AppError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectEmployeeOfUser } from '../domain/employee-repository';
import type { Employee } from '../domain/employee-schemas';

export type GetOwnEmployeeDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * The caller's own record (the one linked to their user): what the web's
 * self-service screens start from. A caller with none, an API key included,
 * gets a 404 `not_an_employee`, so the web can tell "no record" from "no access".
 */
export async function getOwnEmployee(deps: GetOwnEmployeeDeps): Promise<Employee> {
  const { principal } = deps;
  const employee =
    principal.principalType === 'user'
      ? await selectEmployeeOfUser(deps.tx, principal.tenantId, principal.principalId)
      : undefined;
  if (!employee) throw new AppError(404, 'not_an_employee', 'You have no employee record in this tenant.');
  return employee;
}
