import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type * as z from 'zod';
import type { EmployeeSnapshot } from '../domain/employee';
import { type EmployeeScope, employeeScopeCondition } from '../domain/employee-scope';
import { CHANGE_FIELDS, type ChangeField, type JobChange, type JobChangeFields } from './schemas';

/** SQL for qultrix.job_changes; every statement filters by tenant_id (RLS is the backstop). */
interface JobChangeRow {
  id: string;
  employee_id: string;
  kind: JobChange['kind'];
  effective_date: string;
  status: JobChange['status'];
  fields: ChangeField[];
  department_id: string | null;
  position_id: string | null;
  location_id: string | null;
  manager_id: string | null;
  compensation_id: string | null;
  note: string | null;
  failure: string | null;
  created_by: string | null;
  created_at: Date;
  applied_at: Date | null;
  cancelled_at: Date | null;
}

const COLUMNS = `id, employee_id, kind, effective_date::text, status, fields, department_id, position_id,
  location_id, manager_id, compensation_id, note, failure, created_by, created_at, applied_at, cancelled_at`;

const COLUMN_OF: Record<ChangeField, 'department_id' | 'position_id' | 'location_id' | 'manager_id'> = {
  departmentId: 'department_id',
  positionId: 'position_id',
  locationId: 'location_id',
  managerId: 'manager_id',
};

function toJobChange(row: JobChangeRow): JobChange {
  return {
    id: row.id,
    employeeId: row.employee_id,
    kind: row.kind,
    effectiveDate: row.effective_date,
    status: row.status,
    changes: Object.fromEntries(row.fields.map((field) => [field, row[COLUMN_OF[field]]])),
    compensationId: row.compensation_id,
    note: row.note,
    failure: row.failure,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    appliedAt: row.applied_at?.toISOString() ?? null,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
  };
}

export async function insertJobChange(
  tx: Tx,
  change: {
    tenantId: string;
    id: string;
    employeeId: string;
    kind: JobChange['kind'];
    effectiveDate: string;
    changes: JobChangeFields;
    compensationId: string | null;
    note: string | null;
    createdBy: string | null;
  },
): Promise<JobChange> {
  const fields = CHANGE_FIELDS.filter((field) => change.changes[field] !== undefined);
  const { rows } = await tx.query<JobChangeRow>(
    `insert into qultrix.job_changes
       (tenant_id, id, employee_id, kind, effective_date, status, fields, department_id, position_id,
        location_id, manager_id, compensation_id, note, created_by)
     values ($1, $2, $3, $4, $5, 'scheduled', $6, $7, $8, $9, $10, $11, $12, $13)
     returning ${COLUMNS}`,
    [
      change.tenantId,
      change.id,
      change.employeeId,
      change.kind,
      change.effectiveDate,
      fields,
      change.changes.departmentId ?? null,
      change.changes.positionId ?? null,
      change.changes.locationId ?? null,
      change.changes.managerId ?? null,
      change.compensationId,
      change.note,
      change.createdBy,
    ],
  );
  return toJobChange(rows[0] as JobChangeRow);
}

/**
 * Claims a scheduled change for applying: locked, and skipped when another
 * run holds it, so two runs never apply one change; the status transition
 * (markApplied) makes a later run find nothing.
 */
export async function claimScheduledChange(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<JobChange | undefined> {
  const { rows } = await tx.query<JobChangeRow>(
    `select ${COLUMNS} from qultrix.job_changes
      where tenant_id = $1 and id = $2 and status = 'scheduled'
      for update skip locked`,
    [tenantId, id],
  );
  return rows[0] ? toJobChange(rows[0]) : undefined;
}

export async function markApplied(tx: Tx, tenantId: string, id: string): Promise<JobChange | undefined> {
  const { rows } = await tx.query<JobChangeRow>(
    `update qultrix.job_changes set status = 'applied', applied_at = now()
      where tenant_id = $1 and id = $2 and status = 'scheduled'
      returning ${COLUMNS}`,
    [tenantId, id],
  );
  return rows[0] ? toJobChange(rows[0]) : undefined;
}

export async function markFailed(tx: Tx, tenantId: string, id: string, failure: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update qultrix.job_changes set status = 'failed', failure = left($3, 500)
      where tenant_id = $1 and id = $2 and status = 'scheduled'`,
    [tenantId, id, failure],
  );
  return (rowCount ?? 0) > 0;
}

/** Cancels a scheduled change; undefined when there is no such change of this employee. */
export async function cancelScheduledChange(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  id: string,
  cancelledBy: string | null,
): Promise<{ cancelled: boolean; status?: JobChange['status'] } | undefined> {
  const { rows } = await tx.query<{ status: JobChange['status']; cancelled: boolean }>(
    `with target as (
       select id, status from qultrix.job_changes
        where tenant_id = $1 and employee_id = $2 and id = $3 for update),
     cancelled as (
       update qultrix.job_changes j set status = 'cancelled', cancelled_at = now(), cancelled_by = $4
         from target where j.tenant_id = $1 and j.id = target.id and target.status = 'scheduled'
       returning j.id)
     select target.status, exists (select 1 from cancelled) as cancelled from target`,
    [tenantId, employeeId, id, cancelledBy],
  );
  const row = rows[0];
  return row ? { cancelled: row.cancelled, status: row.status } : undefined;
}

/** The ids of a tenant's scheduled changes due on or before `today`, oldest first (the order they apply in). */
export async function dueChangeIds(tx: Tx, tenantId: string, today: string): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from qultrix.job_changes
      where tenant_id = $1 and status = 'scheduled' and effective_date <= $2::date
      order by effective_date, created_at, id
      limit 1000`,
    [tenantId, today],
  );
  return rows.map((row) => row.id);
}

/** Tenants with due scheduled changes: the job's only cross-tenant read (halooid_worker, ids and dates alone). */
export async function tenantsWithDueChanges(tx: Tx, today: string): Promise<string[]> {
  const { rows } = await tx.query<{ tenant_id: string }>(
    `select distinct tenant_id from qultrix.job_changes where status = 'scheduled' and effective_date <= $1::date`,
    [today],
  );
  return rows.map((row) => row.tenant_id);
}

export async function selectJobChanges(
  tx: Tx,
  tenantId: string,
  ids: readonly string[],
): Promise<JobChange[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.query<JobChangeRow>(
    `select ${COLUMNS} from qultrix.job_changes where tenant_id = $1 and id = any($2::uuid[])`,
    [tenantId, ids],
  );
  return rows.map(toJobChange);
}

const TIMELINE_SORTS: Record<string, SortColumn> = {
  effectiveDate: { sql: 'effective_date', type: 'date' },
  createdAt: { sql: 'created_at', type: 'timestamptz' },
};

/**
 * One page of an employee's timeline: job changes and, when
 * `withCompensation`, compensation rows, newest effective first (then newest
 * recorded). Only ids and types here; the caller loads the rows of the page.
 */
export async function selectTimelinePage(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  withCompensation: boolean,
  page: { cursor: string | undefined; limit: number },
) {
  const filter = filterOf([tenantId, employeeId, withCompensation], ['true']);
  return selectPage(tx, filter, {
    select: (sortValues) => `select entry_type, id, effective_date::text, ${sortValues} from (
        select 'job_change' as entry_type, j.id, j.effective_date, j.created_at from qultrix.job_changes j
         where j.tenant_id = $1 and j.employee_id = $2
        union all
        select 'compensation', c.id, c.effective_date, c.created_at from qultrix.compensation c
         where c.tenant_id = $1 and c.employee_id = $2 and $3::boolean
      ) entries`,
    terms: parseSort(undefined, TIMELINE_SORTS, '-effectiveDate,-createdAt'),
    cursor: page.cursor,
    limit: page.limit,
    map: (row: { entry_type: 'job_change' | 'compensation'; id: string; effective_date: string }) => ({
      type: row.entry_type,
      id: row.id,
      effectiveDate: row.effective_date,
    }),
  });
}

/** The part of an employee a job change reads and writes: its event snapshot and version. */
export type JobSubject = z.infer<typeof EmployeeSnapshot> & { version: number };

interface SubjectRow {
  id: string;
  employee_number: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  work_email: string | null;
  status: JobSubject['status'];
  employment_type: JobSubject['type'];
  hire_date: string;
  department_id: string | null;
  position_id: string | null;
  location_id: string | null;
  manager_id: string | null;
  user_id: string | null;
  version: number;
}

const SUBJECT_COLUMNS = `id, employee_number, given_name, family_name, preferred_name, work_email, status,
  employment_type, hire_date::text, department_id, position_id, location_id, manager_id, user_id, version`;

function toSubject(row: SubjectRow): JobSubject {
  return {
    id: row.id,
    employeeNumber: row.employee_number,
    legalName: { given: row.given_name, family: row.family_name },
    preferredName: row.preferred_name,
    workEmail: row.work_email,
    status: row.status,
    type: row.employment_type,
    hireDate: row.hire_date,
    departmentId: row.department_id,
    positionId: row.position_id,
    locationId: row.location_id,
    managerId: row.manager_id,
    userId: row.user_id,
    version: row.version,
  };
}

/** The employee a change is for, locked for the rest of the transaction (a PATCH waits for it, and vice versa). */
export async function lockJobSubject(
  tx: Tx,
  tenantId: string,
  employeeId: string,
): Promise<JobSubject | undefined> {
  const { rows } = await tx.query<SubjectRow>(
    `select ${SUBJECT_COLUMNS} from qultrix.employees where tenant_id = $1 and id = $2 for update`,
    [tenantId, employeeId],
  );
  return rows[0] ? toSubject(rows[0]) : undefined;
}

/** Writes the job fields a change sets and bumps the version, as a PATCH of them would. */
export async function updateJobFields(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  fields: Partial<Record<ChangeField, string | null>>,
): Promise<JobSubject> {
  const set = CHANGE_FIELDS.filter((field) => fields[field] !== undefined);
  const { rows } = await tx.query<SubjectRow>(
    `update qultrix.employees
        set ${set.map((field, index) => `${COLUMN_OF[field]} = $${index + 3}`).join(', ')},
            version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2
      returning ${SUBJECT_COLUMNS}`,
    [tenantId, employeeId, ...set.map((field) => fields[field] ?? null)],
  );
  return toSubject(rows[0] as SubjectRow);
}

/** Is the employee in the tenant and the caller's row scope (else the caller gets a 404)? */
export async function employeeInScope(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  scope: EmployeeScope,
): Promise<boolean> {
  const filter = filterOf([tenantId, employeeId], ['e.tenant_id = $1', 'e.id = $2']);
  filter.where.push(employeeScopeCondition(scope, tenantId, 'e.id', filter.bind));
  const { rows } = await tx.query<{ found: boolean }>(
    `select exists (select 1 from qultrix.employees e where ${filter.where.join(' and ')}) as found`,
    filter.params,
  );
  return rows[0]?.found === true;
}
