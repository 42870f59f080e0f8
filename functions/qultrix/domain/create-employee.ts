import { recordAudit } from '@halooid/shared/audit';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { qultrixEvents } from '../events';
import { snapshotOf } from './employee';
import { assertReferences } from './employee-references';
import { insertEmployee } from './employee-repository';
import { assertEmployeeRules } from './employee-rules';
import type { CreateEmployeeInput, Employee, EmployeeFields } from './employee-schemas';
import { endTenantAccess } from './end-access';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type CreateEmployeeDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'events'>;

/** The body with every optional field present (null when not sent): the record the rules judge. */
export function fieldsOf(input: CreateEmployeeInput): EmployeeFields {
  return {
    ...input,
    preferredName: input.preferredName ?? null,
    workEmail: input.workEmail ?? null,
    personalEmail: input.personalEmail ?? null,
    birthDate: input.birthDate ?? null,
    address: input.address ?? null,
    probationEndDate: input.probationEndDate ?? null,
    terminationDate: input.terminationDate ?? null,
    terminationReason: input.terminationReason ?? null,
    departmentId: input.departmentId ?? null,
    positionId: input.positionId ?? null,
    locationId: input.locationId ?? null,
    managerId: input.managerId ?? null,
    userId: input.userId ?? null,
  };
}

/**
 * Adds an employee to the caller's tenant with the next employee number, and
 * records `employee.created` (and `employee.terminated` for a record entered
 * as already terminated) and the audit record in the same transaction.
 */
export async function createEmployee(
  input: CreateEmployeeInput,
  deps: CreateEmployeeDeps,
): Promise<Employee> {
  const { principal } = deps;
  const fields = fieldsOf(input);
  assertEmployeeRules(fields);
  await assertReferences(deps.tx, principal.tenantId, null, fields);
  const employee = await insertEmployee(deps.tx, {
    ...fields,
    tenantId: principal.tenantId,
    id: deps.newId(),
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
  await deps.events.record(qultrixEvents, 'employee.created', { employee: snapshotOf(employee) });
  await recordAudit(deps.tx, deps.actor, {
    action: 'employee.created',
    targetType: 'employee',
    targetId: employee.id,
    details: { employeeNumber: employee.employeeNumber },
  });
  if (employee.status === 'terminated') await recordTermination(employee, deps);
  return employee;
}

/**
 * What a termination does besides the record: ends the linked user's access
 * to the tenant (end-access.ts) and records `employee.terminated`, in the
 * caller's transaction.
 */
export async function recordTermination(
  employee: Employee,
  deps: Pick<RequestDeps, 'tx' | 'actor' | 'events'>,
): Promise<void> {
  await endTenantAccess(employee, deps);
  await deps.events.record(qultrixEvents, 'employee.terminated', {
    employeeId: employee.id,
    employeeNumber: employee.employeeNumber,
    userId: employee.userId,
    terminationDate: employee.terminationDate ?? '',
    terminationReason: employee.terminationReason ?? '',
  });
}
