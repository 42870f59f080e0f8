import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectEmployee } from './repository';
import type { Employee } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type GetEmployeeDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One employee of the caller's tenant; another tenant's, or none, is a 404. */
export async function getEmployee(id: string, deps: GetEmployeeDeps): Promise<Employee> {
  const employee = await selectEmployee(deps.tx, deps.principal.tenantId, id);
  if (!employee) throw new NotFoundError('Employee');
  return employee;
}
