import type { Tx } from '@halooid/shared/db/transaction';
import { asConflict } from './checks';
import type { Department } from './schemas';

/** SQL for qultrix.departments; every statement filters by tenant_id (RLS is the backstop). */
interface DepartmentRow {
  id: string;
  name: string;
  code: string | null;
  parent_id: string | null;
  head_id: string | null;
  path: string[];
  employee_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type DepartmentFields = Pick<Department, 'name' | 'code' | 'parentId' | 'headId'>;

function toDepartment(row: DepartmentRow): Department {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    parentId: row.parent_id,
    headId: row.head_id,
    path: row.path,
    employeeCount: row.employee_count,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The tenant's departments (or one of them) with their path of names from the
 * top, built in one recursive query, and their count of current employees
 * (anyone not terminated). Ordered by path, so parents come before children.
 */
export async function selectDepartments(tx: Tx, tenantId: string, id?: string): Promise<Department[]> {
  const { rows } = await tx.query<DepartmentRow>(
    `with recursive tree (id, path, sort_key, depth) as (
       select id, array[name], array[lower(name)], 1
         from qultrix.departments where tenant_id = $1 and parent_id is null
       union all
       select d.id, t.path || d.name, t.sort_key || lower(d.name), t.depth + 1
         from tree t join qultrix.departments d on d.tenant_id = $1 and d.parent_id = t.id
        where t.depth < 1000
     ),
     counts as (
       select department_id, count(*)::int as employee_count from qultrix.employees
        where tenant_id = $1 and status <> 'terminated' and department_id is not null
          and ($2::uuid is null or department_id = $2::uuid)
        group by department_id
     )
     select d.id, d.name, d.code, d.parent_id, d.head_id, t.path,
            coalesce(c.employee_count, 0) as employee_count, d.version, d.created_at, d.updated_at
       from qultrix.departments d
       join tree t on t.id = d.id
       left join counts c on c.department_id = d.id
      where d.tenant_id = $1 and ($2::uuid is null or d.id = $2::uuid)
      order by t.sort_key, d.id`,
    [tenantId, id ?? null],
  );
  return rows.map(toDepartment);
}

export async function selectDepartment(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<Department | undefined> {
  return (await selectDepartments(tx, tenantId, id))[0];
}

/** Locks the row for the rest of the transaction (no key update: children may still reference it). */
export async function lockDepartment(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rows } = await tx.query(
    'select 1 from qultrix.departments where tenant_id = $1 and id = $2 for no key update',
    [tenantId, id],
  );
  return rows.length > 0;
}

export async function insertDepartment(
  tx: Tx,
  tenantId: string,
  id: string,
  fields: DepartmentFields,
): Promise<void> {
  try {
    await tx.query(
      `insert into qultrix.departments (tenant_id, id, name, code, parent_id, head_id)
       values ($1, $2, $3, $4, $5, $6)`,
      [tenantId, id, fields.name, fields.code, fields.parentId, fields.headId],
    );
  } catch (error) {
    asConflict(error, 'department');
  }
}

/** Writes the fields and bumps the version, only if the version still matches. */
export async function updateDepartment(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  fields: DepartmentFields,
): Promise<boolean> {
  try {
    const { rowCount } = await tx.query(
      `update qultrix.departments
          set name = $4, code = $5, parent_id = $6, head_id = $7, version = version + 1, updated_at = now()
        where tenant_id = $1 and id = $2 and version = $3`,
      [tenantId, id, version, fields.name, fields.code, fields.parentId, fields.headId],
    );
    return (rowCount ?? 0) > 0;
  } catch (error) {
    asConflict(error, 'department');
  }
}

/**
 * Walks up from `parentId` in one recursive query: whether it exists, and
 * whether `departmentId` is on its way to the top (the move would close a
 * cycle). The stored tree is acyclic, so the walk ends; the bound is a guard.
 */
export async function parentChain(
  tx: Tx,
  tenantId: string,
  parentId: string,
  departmentId: string | null,
): Promise<{ exists: boolean; cycle: boolean }> {
  const { rows } = await tx.query<{ exists: boolean; cycle: boolean }>(
    `with recursive chain (id, parent_id, depth) as (
       select id, parent_id, 1 from qultrix.departments where tenant_id = $1 and id = $2
       union all
       select d.id, d.parent_id, c.depth + 1
         from chain c join qultrix.departments d on d.tenant_id = $1 and d.id = c.parent_id
        where c.depth < 10000
     )
     select exists (select 1 from chain) as exists,
            coalesce($3::uuid is not null and exists (select 1 from chain where id = $3::uuid), false) as cycle`,
    [tenantId, parentId, departmentId],
  );
  return rows[0] ?? { exists: false, cycle: false };
}

/**
 * Serialises moves within a tenant's department tree for the rest of the
 * transaction: two concurrent moves (A under B, B under A) would each see an
 * acyclic tree and together make a cycle. Taken before any row lock, so
 * the waits always run in the same order.
 */
export async function lockDepartmentTree(tx: Tx, tenantId: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended('qultrix.department-tree:' || $1, 0))`, [
    tenantId,
  ]);
}

/** What still points at a department: its employees (any status), positions and child departments. */
export async function departmentReferences(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<{ employees: number; positions: number; children: number }> {
  const { rows } = await tx.query<{ employees: number; positions: number; children: number }>(
    `select (select count(*)::int from qultrix.employees where tenant_id = $1 and department_id = $2) as employees,
            (select count(*)::int from qultrix.positions where tenant_id = $1 and department_id = $2) as positions,
            (select count(*)::int from qultrix.departments where tenant_id = $1 and parent_id = $2) as children`,
    [tenantId, id],
  );
  return rows[0] ?? { employees: 0, positions: 0, children: 0 };
}

export async function deleteDepartment(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  try {
    const { rowCount } = await tx.query('delete from qultrix.departments where tenant_id = $1 and id = $2', [
      tenantId,
      id,
    ]);
    return (rowCount ?? 0) > 0;
  } catch (error) {
    asConflict(error, 'department');
  }
}

/** Is this a current (not terminated) employee of the tenant? */
export async function isCurrentEmployee(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rows } = await tx.query<{ found: boolean }>(
    `select exists (select 1 from qultrix.employees
                     where tenant_id = $1 and id = $2 and status <> 'terminated') as found`,
    [tenantId, id],
  );
  return rows[0]?.found === true;
}
