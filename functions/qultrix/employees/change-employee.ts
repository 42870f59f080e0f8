import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { recordTermination } from '../domain/create-employee';
import { snapshotOf } from '../domain/employee';
import { assertReferences } from '../domain/employee-references';
import { selectEmployee, updateEmployee } from '../domain/employee-repository';
import { assertEmployeeRules, changedFields } from '../domain/employee-rules';
import type { ChangeEmployeeInput, Employee, EmployeeFields } from '../domain/employee-schemas';
import { employeeScopeOf } from '../domain/employee-scope';
import { qultrixEvents } from '../events';
import { assertMayChange } from './employee-access';

export type ChangeEmployeeDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'events'>;

/**
 * PATCH: the stored record read and locked (inside the caller's scope, else
 * 404), the caller allowed this change (employee-access.ts), the change merged and checked as
 * a whole, written only if `version` is still current (else 409), and
 * `employee.updated` (with the changed field names) plus `employee.terminated`
 * when the status became terminated, and the audit record (changed field
 * names, never values: they may be personal), in the same transaction. A PATCH
 * that changes nothing writes nothing and keeps the version.
 */
export async function changeEmployee(
  employeeId: string,
  version: number,
  input: Omit<ChangeEmployeeInput, 'version'>,
  deps: ChangeEmployeeDeps,
): Promise<Employee> {
  const { tx, principal } = deps;
  const scope = employeeScopeOf(principal);
  const current = await selectEmployee(tx, principal.tenantId, employeeId, scope, { forUpdate: true });
  if (!current) throw new NotFoundError('Employee');
  const {
    id: _id,
    employeeNumber: _n,
    createdBy: _c,
    version: _v,
    createdAt: _ca,
    updatedAt: _u,
    department: _d,
    position: _p,
    location: _l,
    ...before
  } = current;
  const after: EmployeeFields = { ...before, ...definedOnly(input) };
  const changes = changedFields(before, after);
  // Before the version: a refused change stays refused however fresh the version.
  assertMayChange(scope, principal, current, changes);
  if (current.version !== version)
    throw new ConflictError(
      `The employee changed since you read it (version ${current.version}, not ${version}). Read it again.`,
      'version_conflict',
    );
  if (changes.length === 0) return current;
  assertEmployeeRules(after);
  await assertReferences(tx, principal.tenantId, employeeId, {
    ...(changes.includes('workEmail') ? { workEmail: after.workEmail } : {}),
    ...(changes.includes('userId') ? { userId: after.userId } : {}),
    ...(changes.includes('managerId') ? { managerId: after.managerId } : {}),
    ...(changes.includes('departmentId') ? { departmentId: after.departmentId } : {}),
    ...(changes.includes('positionId') ? { positionId: after.positionId } : {}),
    ...(changes.includes('locationId') ? { locationId: after.locationId } : {}),
  });
  const updated = await updateEmployee(tx, principal.tenantId, employeeId, version, after);
  if (!updated) throw new NotFoundError('Employee');
  await deps.events.record(qultrixEvents, 'employee.updated', { employee: snapshotOf(updated), changes });
  await recordAudit(tx, deps.actor, {
    action:
      updated.status === 'terminated' && current.status !== 'terminated'
        ? 'employee.terminated'
        : 'employee.updated',
    targetType: 'employee',
    targetId: employeeId,
    details: { changes },
  });
  if (updated.status === 'terminated' && current.status !== 'terminated')
    await recordTermination(updated, deps);
  return updated;
}

/** The fields the body sent (undefined means "leave as is"; null clears). */
function definedOnly(input: Omit<ChangeEmployeeInput, 'version'>): Partial<EmployeeFields> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<EmployeeFields>;
}
