import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';

/**
 * Which employee records a caller may see: the one row-scope rule of Qultrix.
 * `qultrix:employee:read` (the route permission of every read) sees the
 * caller's own record (employees.user_id = the caller) and their direct and
 * indirect reports; `qultrix:employee:admin` (HR, admins, the Owner) sees
 * every record. An API key has no record of its own, so without `:admin` it
 * sees none. Every employee read (list, get, export, org chart, time-off
 * views of people) restricts its rows with `employeeScopeCondition`, in the
 * SQL WHERE, never by filtering rows in JS.
 */
export const EMPLOYEE_ADMIN = 'qultrix:employee:admin';

export type EmployeeScope =
  | { kind: 'all' }
  /** The record linked to `userId` and everyone below it in the reports-to tree; nothing when null. */
  | { kind: 'tree'; userId: string | null };

export function employeeScopeOf(principal: Principal): EmployeeScope {
  if (permits(principal.grants, EMPLOYEE_ADMIN)) return { kind: 'all' };
  return { kind: 'tree', userId: principal.principalType === 'user' ? principal.principalId : null };
}

/** Appends a bind parameter and returns its placeholder (pagination's `Filter.bind`). */
export type Bind = (value: unknown) => string;

/**
 * A SQL boolean: the employee whose id is the expression `idSql` (such as
 * `e.id`) is inside the scope. One recursive query walks down the manager
 * links from the caller's own record; it is not correlated with the outer
 * row, so Postgres runs it once per statement and probes its result. `union`
 * (not `union all`) ends the walk even on a cyclic tree, which the API
 * already refuses to build.
 */
export function employeeScopeCondition(
  scope: EmployeeScope,
  tenantId: string,
  idSql: string,
  bind: Bind,
): string {
  if (scope.kind === 'all') return 'true';
  if (scope.userId === null) return 'false';
  const tenant = bind(tenantId);
  const user = bind(scope.userId);
  return `${idSql} in (
    with recursive visible (id) as (
      select id from qultrix.employees where tenant_id = ${tenant} and user_id = ${user}
      union
      select r.id from visible v join qultrix.employees r on r.tenant_id = ${tenant} and r.manager_id = v.id
    )
    select id from visible)`;
}
