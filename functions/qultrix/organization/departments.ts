import { recordAudit } from '@halooid/shared/audit';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { departmentSnapshotOf } from '../domain/organization';
import { qultrixEvents } from '../events';
import { assertUnique, changedFields, definedOnly, missingReference, versionConflict } from './checks';
import {
  type DepartmentFields,
  deleteDepartment as deleteRow,
  departmentReferences,
  insertDepartment,
  isCurrentEmployee,
  lockDepartment,
  lockDepartmentTree,
  parentChain,
  selectDepartment,
  selectDepartments,
  updateDepartment,
} from './department-repository';
import type { ChangeDepartmentInput, CreateDepartmentInput, Department } from './schemas';

/** The department use cases: each runs in the caller's tenant transaction. */
export type DepartmentDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'events'>;

const NAME = { table: 'departments', column: 'name', what: 'Department', field: 'name' };
const CODE = { table: 'departments', column: 'code', what: 'Department', field: 'code' };

export async function listDepartments(deps: Pick<RequestDeps, 'tx' | 'principal'>) {
  return { items: await selectDepartments(deps.tx, deps.principal.tenantId) };
}

export async function getDepartment(id: string, deps: Pick<RequestDeps, 'tx' | 'principal'>) {
  const department = await selectDepartment(deps.tx, deps.principal.tenantId, id);
  if (!department) throw new NotFoundError('Department');
  return department;
}

export async function createDepartment(
  input: CreateDepartmentInput,
  deps: DepartmentDeps,
): Promise<Department> {
  const { tx, principal } = deps;
  const fields: DepartmentFields = {
    name: input.name,
    code: input.code ?? null,
    parentId: input.parentId ?? null,
    headId: input.headId ?? null,
  };
  // A new department has no children, so its parent cannot close a cycle.
  await assertDepartmentRules(tx, principal.tenantId, null, fields, Object.keys(fields));
  const id = deps.newId();
  await insertDepartment(tx, principal.tenantId, id, fields);
  await recordAudit(tx, deps.actor, {
    action: 'department.created',
    targetType: 'department',
    targetId: id,
    details: { name: fields.name },
  });
  const department = await getDepartment(id, deps);
  await deps.events.record(qultrixEvents, 'department.created', {
    department: departmentSnapshotOf(department),
  });
  return department;
}

/**
 * PATCH: a move (parentId sent) first takes the tenant's tree lock, then the
 * row; the change is merged, checked as a whole, and written only if
 * `version` is still current (else 409). A PATCH that changes nothing writes
 * nothing and keeps the version.
 */
export async function changeDepartment(
  id: string,
  version: number,
  input: Omit<ChangeDepartmentInput, 'version'>,
  deps: DepartmentDeps,
): Promise<Department> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  if (input.parentId) await lockDepartmentTree(tx, tenantId);
  if (!(await lockDepartment(tx, tenantId, id))) throw new NotFoundError('Department');
  const current = await getDepartment(id, deps);
  if (current.version !== version) throw versionConflict('department', current.version, version);
  const before: DepartmentFields = {
    name: current.name,
    code: current.code,
    parentId: current.parentId,
    headId: current.headId,
  };
  const after: DepartmentFields = { ...before, ...definedOnly(input) };
  const changes = changedFields(before, after);
  if (changes.length === 0) return current;
  await assertDepartmentRules(tx, tenantId, id, after, changes);
  if (!(await updateDepartment(tx, tenantId, id, version, after))) throw new NotFoundError('Department');
  await recordAudit(tx, deps.actor, {
    action: 'department.updated',
    targetType: 'department',
    targetId: id,
    details: { changes },
  });
  const department = await getDepartment(id, deps);
  await deps.events.record(qultrixEvents, 'department.updated', {
    department: departmentSnapshotOf(department),
    changes,
  });
  return department;
}

/** Refused (409) while employees, positions or child departments reference it: nobody is left pointing nowhere. */
export async function deleteDepartment(id: string, deps: DepartmentDeps): Promise<void> {
  const { tx, principal } = deps;
  if (!(await lockDepartment(tx, principal.tenantId, id))) throw new NotFoundError('Department');
  const { name } = await getDepartment(id, deps);
  const used = await departmentReferences(tx, principal.tenantId, id);
  if (used.employees + used.positions + used.children > 0)
    throw new ConflictError(
      `The department still has ${used.employees} employee(s), ${used.positions} position(s) and ${used.children} child department(s); move them first.`,
      'department_in_use',
    );
  if (!(await deleteRow(tx, principal.tenantId, id))) throw new NotFoundError('Department');
  await recordAudit(tx, deps.actor, { action: 'department.deleted', targetType: 'department', targetId: id });
  await deps.events.record(qultrixEvents, 'department.deleted', { departmentId: id, name });
}

/** The checks of the fields that change: unique name and code, a parent that exists and is no descendant, a current head. */
async function assertDepartmentRules(
  tx: Tx,
  tenantId: string,
  id: string | null,
  fields: DepartmentFields,
  changes: string[],
): Promise<void> {
  if (changes.includes('name')) await assertUnique(tx, NAME, tenantId, fields.name, id);
  if (changes.includes('code') && fields.code) await assertUnique(tx, CODE, tenantId, fields.code, id);
  if (changes.includes('parentId') && fields.parentId) {
    const chain = await parentChain(tx, tenantId, fields.parentId, id);
    if (!chain.exists) throw missingReference('parentId', 'department');
    if (chain.cycle)
      throw new BusinessRuleError(
        'department_cycle',
        'The new parent is this department or one of its descendants: the tree would be a cycle.',
        [{ field: 'body.parentId', code: 'department_cycle', message: 'Would make a cycle.' }],
      );
  }
  if (changes.includes('headId') && fields.headId && !(await isCurrentEmployee(tx, tenantId, fields.headId)))
    throw missingReference('headId', 'current employee');
}
