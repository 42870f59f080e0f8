import { sqlState, UNIQUE_VIOLATION } from '@halooid/shared/db/errors';
import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { ConflictError } from '@halooid/shared/errors';
import type { Employee, EmployeeFields, ListEmployeesQuery } from './employee-schemas';
import { type EmployeeScope, employeeScopeCondition } from './employee-scope';

/** SQL for qultrix.employees; every statement filters by tenant_id (RLS is the backstop). */
interface EmployeeRow {
  id: string;
  employee_number: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  work_email: string | null;
  personal_email: string | null;
  phones: EmployeeFields['phones'];
  birth_date: string | null;
  address: EmployeeFields['address'];
  emergency_contacts: EmployeeFields['emergencyContacts'];
  status: EmployeeFields['status'];
  employment_type: EmployeeFields['type'];
  hire_date: string;
  probation_end_date: string | null;
  termination_date: string | null;
  termination_reason: string | null;
  department_id: string | null;
  department_name: string | null;
  position_id: string | null;
  position_title: string | null;
  location_id: string | null;
  location_name: string | null;
  manager_id: string | null;
  fte: string;
  work_days: number[];
  hours_per_day: string;
  user_id: string | null;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/*
 * Every statement names the employees table `e`. Dates as text: a `date` must
 * not pass through a JS Date and a time zone. The department, position and
 * location names are scalar subqueries rather than joins, so the same list
 * serves select, insert … returning and update … returning, and unqualified
 * column names in filters and sorts stay unambiguous.
 */
const COLUMNS = `e.id, e.employee_number, e.given_name, e.family_name, e.preferred_name, e.work_email,
  e.personal_email, e.phones, e.birth_date::text, e.address, e.emergency_contacts, e.status, e.employment_type,
  e.hire_date::text, e.probation_end_date::text, e.termination_date::text, e.termination_reason,
  e.department_id, (select d.name from qultrix.departments d where d.tenant_id = e.tenant_id and d.id = e.department_id) as department_name,
  e.position_id, (select p.title from qultrix.positions p where p.tenant_id = e.tenant_id and p.id = e.position_id) as position_title,
  e.location_id, (select l.name from qultrix.locations l where l.tenant_id = e.tenant_id and l.id = e.location_id) as location_name,
  e.manager_id, e.fte::text, e.work_days, e.hours_per_day::text, e.user_id, e.created_by, e.version,
  e.created_at, e.updated_at`;

const SORTS: Record<string, SortColumn> = {
  name: { sql: "lower(family_name || ' ' || given_name)", type: 'text' },
  employeeNumber: { sql: 'sequence', type: 'int' },
  hireDate: { sql: 'hire_date', type: 'date' },
  createdAt: { sql: 'created_at', type: 'timestamptz' },
};

/** numeric reads back as "0.500" or "8.00": the API shows the shortest exact form ("0.5", "8"). */
const decimalOf = (text: string) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text) || '0';

function toEmployee(row: EmployeeRow): Employee {
  return {
    id: row.id,
    employeeNumber: row.employee_number,
    legalName: { given: row.given_name, family: row.family_name },
    preferredName: row.preferred_name,
    workEmail: row.work_email,
    personalEmail: row.personal_email,
    phones: row.phones,
    birthDate: row.birth_date,
    address: row.address,
    emergencyContacts: row.emergency_contacts,
    status: row.status,
    type: row.employment_type,
    hireDate: row.hire_date,
    probationEndDate: row.probation_end_date,
    terminationDate: row.termination_date,
    terminationReason: row.termination_reason,
    departmentId: row.department_id,
    positionId: row.position_id,
    locationId: row.location_id,
    managerId: row.manager_id,
    fte: decimalOf(row.fte),
    workDays: row.work_days,
    hoursPerDay: decimalOf(row.hours_per_day),
    department:
      row.department_id === null ? null : { id: row.department_id, name: row.department_name ?? '' },
    position: row.position_id === null ? null : { id: row.position_id, title: row.position_title ?? '' },
    location: row.location_id === null ? null : { id: row.location_id, name: row.location_name ?? '' },
    userId: row.user_id,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The values of the editable columns, in FIELD_COLUMNS order. */
function fieldValues(fields: EmployeeFields): unknown[] {
  return [
    fields.legalName.given,
    fields.legalName.family,
    fields.preferredName,
    fields.workEmail,
    fields.personalEmail,
    JSON.stringify(fields.phones),
    fields.birthDate,
    fields.address === null ? null : JSON.stringify(fields.address),
    JSON.stringify(fields.emergencyContacts),
    fields.status,
    fields.type,
    fields.hireDate,
    fields.probationEndDate,
    fields.terminationDate,
    fields.terminationReason,
    fields.departmentId,
    fields.positionId,
    fields.locationId,
    fields.managerId,
    fields.fte,
    fields.workDays,
    fields.hoursPerDay,
    fields.userId,
  ];
}
const FIELD_COLUMNS = [
  'given_name',
  'family_name',
  'preferred_name',
  'work_email',
  'personal_email',
  'phones',
  'birth_date',
  'address',
  'emergency_contacts',
  'status',
  'employment_type',
  'hire_date',
  'probation_end_date',
  'termination_date',
  'termination_reason',
  'department_id',
  'position_id',
  'location_id',
  'manager_id',
  'fte',
  'work_days',
  'hours_per_day',
  'user_id',
];

/**
 * A unique index lost to a concurrent write after the pre-checks passed: still
 * a 409, never a 500 (the transaction is aborted, so the other row's id
 * cannot be looked up here).
 */
function asConflict(error: unknown): never {
  if (sqlState(error) === UNIQUE_VIOLATION) {
    const constraint = (error as { constraint?: string }).constraint;
    if (constraint === 'employees_work_email_idx')
      throw new ConflictError('Another employee has this work email.', 'work_email_taken');
    if (constraint === 'employees_user_idx')
      throw new ConflictError('Another employee is linked to this user.', 'user_already_linked');
  }
  throw error;
}

/** Inserts; the trigger allocates the number (docs/decisions.md "Employee numbers"). */
export async function insertEmployee(
  tx: Tx,
  employee: EmployeeFields & { tenantId: string; id: string; createdBy: string | null },
): Promise<Employee> {
  const values = fieldValues(employee);
  const placeholders = values.map((_, index) => `$${index + 4}`).join(', ');
  try {
    const { rows } = await tx.query<EmployeeRow>(
      `insert into qultrix.employees as e (tenant_id, id, created_by, ${FIELD_COLUMNS.join(', ')})
       values ($1, $2, $3, ${placeholders})
       returning ${COLUMNS}`,
      [employee.tenantId, employee.id, employee.createdBy, ...values],
    );
    return toEmployee(rows[0] as EmployeeRow);
  } catch (error) {
    asConflict(error);
  }
}

/** Writes every editable field and bumps the version, only if the version still matches. */
export async function updateEmployee(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  fields: EmployeeFields,
): Promise<Employee | undefined> {
  const values = fieldValues(fields);
  const sets = FIELD_COLUMNS.map((column, index) => `${column} = $${index + 4}`).join(', ');
  try {
    const { rows } = await tx.query<EmployeeRow>(
      `update qultrix.employees e set ${sets}, version = e.version + 1, updated_at = now()
        where e.tenant_id = $1 and e.id = $2 and e.version = $3
        returning ${COLUMNS}`,
      [tenantId, id, version, ...values],
    );
    return rows[0] ? toEmployee(rows[0]) : undefined;
  } catch (error) {
    asConflict(error);
  }
}

/** One employee, if it exists in the tenant and lies inside the caller's scope. */
export async function selectEmployee(
  tx: Tx,
  tenantId: string,
  id: string,
  scope: EmployeeScope,
  options: { forUpdate?: boolean } = {},
): Promise<Employee | undefined> {
  const filter = filterOf([tenantId, id], ['e.tenant_id = $1', 'e.id = $2']);
  filter.where.push(employeeScopeCondition(scope, tenantId, 'e.id', filter.bind));
  // `for no key update`, not `for update`: a concurrent write that points a
  // manager_id at this row takes a key-share lock on it (the foreign key), which
  // `for update` would block while this transaction waits for the manager-tree
  // lock that writer holds: a deadlock between two opposite manager changes.
  const { rows } = await tx.query<EmployeeRow>(
    `select ${COLUMNS} from qultrix.employees e where ${filter.where.join(' and ')}${options.forUpdate ? ' for no key update of e' : ''}`,
    filter.params,
  );
  return rows[0] ? toEmployee(rows[0]) : undefined;
}

/** The employee record linked to this user (their own), if any. */
export async function selectEmployeeOfUser(
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<Employee | undefined> {
  const { rows } = await tx.query<EmployeeRow>(
    `select ${COLUMNS} from qultrix.employees e where e.tenant_id = $1 and e.user_id = $2`,
    [tenantId, userId],
  );
  return rows[0] ? toEmployee(rows[0]) : undefined;
}

/** One keyset page of the employees in the caller's scope, filtered and sorted by the allowlist. */
export async function selectEmployees(
  tx: Tx,
  tenantId: string,
  scope: EmployeeScope,
  query: ListEmployeesQuery,
) {
  const filter = filterOf([tenantId], ['tenant_id = $1']);
  filter.where.push(employeeScopeCondition(scope, tenantId, 'e.id', filter.bind));
  // Bound, never spliced: a search term is data, even its % and _.
  if (query.q) {
    const term = filter.bind(query.q);
    filter.where.push(
      `(strpos(lower(given_name || ' ' || family_name || ' ' || coalesce(preferred_name, '') || ' '
          || employee_number || ' ' || coalesce(work_email, '')), lower(${term})) > 0)`,
    );
  }
  if (query.status) filter.where.push(`status = ${filter.bind(query.status)}`);
  if (query.type) filter.where.push(`employment_type = ${filter.bind(query.type)}`);
  if (query.managerId) filter.where.push(`manager_id = ${filter.bind(query.managerId)}`);
  if (query.departmentId) filter.where.push(`department_id = ${filter.bind(query.departmentId)}`);
  if (query.positionId) filter.where.push(`position_id = ${filter.bind(query.positionId)}`);
  if (query.locationId) filter.where.push(`location_id = ${filter.bind(query.locationId)}`);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from qultrix.employees e`,
    terms: parseSort(query.sort, SORTS, '-createdAt'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: EmployeeRow & Record<string, unknown>) => toEmployee(row),
  });
}
