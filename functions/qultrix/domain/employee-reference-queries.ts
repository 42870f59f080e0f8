import type { Tx } from '@halooid/shared/db/transaction';

/**
 * The queries behind an employee write's reference checks
 * (employee-references.ts): shared by the employees slice and job history,
 * which changes the same fields on a change's date. Every statement filters
 * by tenant_id (RLS is the backstop).
 */

/** The id of the employee (other than `exceptId`) holding this work email, compared case-insensitively. */
export async function employeeWithWorkEmail(
  tx: Tx,
  tenantId: string,
  workEmail: string,
  exceptId: string | null,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from qultrix.employees
      where tenant_id = $1 and lower(work_email) = lower($2) and id is distinct from $3`,
    [tenantId, workEmail, exceptId],
  );
  return rows[0]?.id;
}

/** The id of the employee (other than `exceptId`) linked to this user. */
export async function employeeOfUser(
  tx: Tx,
  tenantId: string,
  userId: string,
  exceptId: string | null,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from qultrix.employees where tenant_id = $1 and user_id = $2 and id is distinct from $3`,
    [tenantId, userId, exceptId],
  );
  return rows[0]?.id;
}

/** The organization tables an employee points at, by the API field that names them. */
const ORGANIZATION_TABLES = {
  departmentId: 'qultrix.departments',
  positionId: 'qultrix.positions',
  locationId: 'qultrix.locations',
} as const;
export type OrganizationField = keyof typeof ORGANIZATION_TABLES;

/** Does this department, position or location exist in the tenant? */
export async function organizationRowExists(
  tx: Tx,
  tenantId: string,
  field: OrganizationField,
  id: string,
): Promise<boolean> {
  const { rows } = await tx.query<{ found: boolean }>(
    `select exists (select 1 from ${ORGANIZATION_TABLES[field]} where tenant_id = $1 and id = $2) as found`,
    [tenantId, id],
  );
  return rows[0]?.found === true;
}

/** Is this user a member of the current tenant (platform.memberships; RLS shows no other tenant's)? */
export async function isTenantMember(tx: Tx, tenantId: string, userId: string): Promise<boolean> {
  const { rows } = await tx.query<{ member: boolean }>(
    `select exists (select 1 from platform.memberships where tenant_id = $1 and user_id = $2) as member`,
    [tenantId, userId],
  );
  return rows[0]?.member === true;
}

/**
 * Walks the reports-to chain upward from `managerId` in one recursive query:
 * whether that employee exists in the tenant, and whether `employeeId`
 * appears in its chain (making it the manager would close a cycle). The stored
 * tree is acyclic, so the walk ends; the depth bound is a second guard.
 */
export async function managerChain(
  tx: Tx,
  tenantId: string,
  managerId: string,
  employeeId: string | null,
): Promise<{ exists: boolean; cycle: boolean }> {
  const { rows } = await tx.query<{ exists: boolean; cycle: boolean }>(
    `with recursive chain (id, manager_id, depth) as (
       select id, manager_id, 1 from qultrix.employees where tenant_id = $1 and id = $2
       union all
       select e.id, e.manager_id, c.depth + 1
         from chain c join qultrix.employees e on e.tenant_id = $1 and e.id = c.manager_id
        where c.depth < 10000
     )
     select exists (select 1 from chain) as exists,
            coalesce($3::uuid is not null and exists (select 1 from chain where id = $3::uuid), false) as cycle`,
    [tenantId, managerId, employeeId],
  );
  return rows[0] ?? { exists: false, cycle: false };
}

/**
 * Serialises manager changes within a tenant for the rest of the transaction:
 * two concurrent PATCHes (A reports to B, B reports to A) would each see an
 * acyclic tree and together make a cycle.
 */
export async function lockManagerTree(tx: Tx, tenantId: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended('qultrix.manager-tree:' || $1, 0))`, [
    tenantId,
  ]);
}
