import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { currentCompensationFor } from '../domain/compensation';
import type { EmployeeDetail } from '../domain/employee';
import { selectEmployee } from '../domain/employee-repository';
import { employeeScopeOf } from '../domain/employee-scope';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type GetEmployeeDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'now'>;

/**
 * One employee in the caller's scope (their own record and reports, or every
 * one with `:admin`); outside it, in another tenant, or none: a 404, so the
 * answer does not reveal that the record exists. With
 * `qultrix:compensation:read` it carries today's compensation (an audited
 * read); without, the field is simply absent.
 */
export async function getEmployee(id: string, deps: GetEmployeeDeps): Promise<EmployeeDetail> {
  const employee = await selectEmployee(
    deps.tx,
    deps.principal.tenantId,
    id,
    employeeScopeOf(deps.principal),
  );
  if (!employee) throw new NotFoundError('Employee');
  const compensation = await currentCompensationFor(deps, id);
  return compensation ? { ...employee, compensation } : employee;
}
