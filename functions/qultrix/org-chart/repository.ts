import type { Tx } from '@halooid/shared/db/transaction';
import type { HeadcountQuery, OrgChartNode } from './schemas';

/** Read-only SQL over qultrix.employees and the organization tables; every statement filters by tenant_id. */

interface NodeRow {
  id: string;
  employee_number: string;
  name: string;
  position_title: string | null;
  department_name: string | null;
  manager_id: string | null;
  depth: number;
  direct_report_count: number;
}

/**
 * The org chart in ONE recursive query: the roots (the given employee, or
 * every current employee with no current manager: none, or a terminated one),
 * then their reports level by level down to `depth`. Terminated employees
 * are left out. `sort_key` (names and ids from the root) orders the rows
 * depth first; the direct-report count looks one level past the limit via
 * the manager index, so a client can offer to expand.
 */
export async function selectOrgChart(
  tx: Tx,
  tenantId: string,
  rootId: string | null,
  depth: number,
): Promise<OrgChartNode[]> {
  const { rows } = await tx.query<NodeRow>(
    `with recursive chart (id, depth, sort_key) as (
       select e.id, 0, array[lower(e.family_name || ' ' || e.given_name) || ' ' || e.id::text]
         from qultrix.employees e
        where e.tenant_id = $1 and e.status <> 'terminated'
          and case when $2::uuid is null
                   then e.manager_id is null or not exists (
                     select 1 from qultrix.employees m
                      where m.tenant_id = $1 and m.id = e.manager_id and m.status <> 'terminated')
                   else e.id = $2::uuid end
       union all
       select e.id, c.depth + 1, c.sort_key || (lower(e.family_name || ' ' || e.given_name) || ' ' || e.id::text)
         from chart c
         join qultrix.employees e on e.tenant_id = $1 and e.manager_id = c.id and e.status <> 'terminated'
        where c.depth < $3
     )
     select e.id, e.employee_number,
            coalesce(e.preferred_name, e.given_name) || ' ' || e.family_name as name,
            p.title as position_title, d.name as department_name,
            e.manager_id, c.depth,
            (select count(*)::int from qultrix.employees r
              where r.tenant_id = $1 and r.manager_id = e.id and r.status <> 'terminated') as direct_report_count
       from chart c
       join qultrix.employees e on e.tenant_id = $1 and e.id = c.id
       left join qultrix.positions p on p.tenant_id = $1 and p.id = e.position_id
       left join qultrix.departments d on d.tenant_id = $1 and d.id = e.department_id
      order by c.sort_key`,
    [tenantId, rootId, depth],
  );
  return rows.map((row) => ({
    id: row.id,
    employeeNumber: row.employee_number,
    name: row.name,
    positionTitle: row.position_title,
    departmentName: row.department_name,
    managerId: row.manager_id,
    depth: row.depth,
    directReportCount: row.direct_report_count,
  }));
}

/** The group column and its label, per groupBy: fixed SQL, never text from the request. */
const GROUPS: Record<HeadcountQuery['groupBy'], { key: string; label: string; join: string }> = {
  department: {
    key: 'e.department_id::text',
    label: 'd.name',
    join: 'left join qultrix.departments d on d.tenant_id = e.tenant_id and d.id = e.department_id',
  },
  location: {
    key: 'e.location_id::text',
    label: 'l.name',
    join: 'left join qultrix.locations l on l.tenant_id = e.tenant_id and l.id = e.location_id',
  },
  type: { key: 'e.employment_type', label: 'e.employment_type', join: '' },
};

/**
 * Employees on the books on `asOf`: hired on or before it and not terminated
 * before it (the termination date is their last day, so it still counts),
 * per group, largest group first. Dates decide, not the status, so a past
 * day counts the people who were there then (in their current department
 * and location: job history is a later slice).
 */
export async function selectHeadcount(
  tx: Tx,
  tenantId: string,
  groupBy: HeadcountQuery['groupBy'],
  asOf: string,
): Promise<{ key: string | null; label: string | null; count: number }[]> {
  const group = GROUPS[groupBy];
  const { rows } = await tx.query<{ key: string | null; label: string | null; count: number }>(
    `select ${group.key} as key, ${group.label} as label, count(*)::int as count
       from qultrix.employees e ${group.join}
      where e.tenant_id = $1 and e.hire_date <= $2::date
        and (e.termination_date is null or e.termination_date >= $2::date)
      group by 1, 2
      order by 3 desc, 2 nulls last, 1`,
    [tenantId, asOf],
  );
  return rows;
}

/** Is this a current (not terminated) employee of the tenant? */
export async function isCurrentEmployee(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rows } = await tx.query(
    `select 1 from qultrix.employees where tenant_id = $1 and id = $2 and status <> 'terminated'`,
    [tenantId, id],
  );
  return rows.length > 0;
}
