import type { Tx } from '@halooid/shared/db/transaction';

/** SQL for the employees and leave types a request involves; every statement filters by tenant_id. */

/** How the API names an employee: preferred (or given) name and family name. */
export const EMPLOYEE_NAME = (alias: string) =>
  `coalesce(${alias}.preferred_name, ${alias}.given_name) || ' ' || ${alias}.family_name`;

export interface RequestEmployee {
  id: string;
  name: string;
  userId: string | null;
  managerId: string | null;
  /** The manager's platform user while the manager is not terminated: who decides step 1. */
  managerUserId: string | null;
  locationId: string | null;
  workDays: number[];
  hoursPerDay: string;
  terminated: boolean;
}

export async function selectRequestEmployee(
  tx: Tx,
  tenantId: string,
  employeeId: string,
): Promise<RequestEmployee | undefined> {
  const { rows } = await tx.query<RequestEmployee>(
    `select e.id, ${EMPLOYEE_NAME('e')} as name, e.user_id as "userId", e.manager_id as "managerId",
            case when m.status <> 'terminated' then m.user_id end as "managerUserId",
            e.location_id as "locationId", e.work_days::int[] as "workDays",
            trim_scale(e.hours_per_day)::text as "hoursPerDay", e.status = 'terminated' as terminated
       from qultrix.employees e
       left join qultrix.employees m on m.tenant_id = e.tenant_id and m.id = e.manager_id
      where e.tenant_id = $1 and e.id = $2`,
    [tenantId, employeeId],
  );
  return rows[0];
}

/** The caller's own employee record (a user is at most one employee of a tenant); terminated ones do not count. */
export async function employeeIdOfUser(
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from qultrix.employees
      where tenant_id = $1 and user_id = $2 and status <> 'terminated'
      order by created_at limit 1`,
    [tenantId, userId],
  );
  return rows[0]?.id;
}

export interface LeaveTypeRules {
  id: string;
  name: string;
  unit: 'days' | 'hours';
  approval: 'manager' | 'manager_then_hr';
  tracksBalance: boolean;
  attachmentAfterDays: string | null;
  archived: boolean;
}

export async function selectLeaveType(
  tx: Tx,
  tenantId: string,
  leaveTypeId: string,
): Promise<LeaveTypeRules | undefined> {
  const { rows } = await tx.query<LeaveTypeRules>(
    `select id, name, unit, approval, tracks_balance as "tracksBalance",
            trim_scale(attachment_after_days)::text as "attachmentAfterDays", archived
       from qultrix.leave_types where tenant_id = $1 and id = $2`,
    [tenantId, leaveTypeId],
  );
  return rows[0];
}
