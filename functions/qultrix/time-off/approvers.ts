import type { Tx } from '@halooid/shared/db/transaction';
import { permissionHolders } from '../../system-roles';
import { ADMIN_PERMISSION } from './access';
import type { RequestEmployee } from './people';

/** At most this many people hear of a request awaiting HR (a tenant could have many admins). */
export const MAX_NOTIFIED_APPROVERS = 50;

/**
 * Who decides a step: the manager (step 1, when the employee has a manager
 * who is not terminated and signs in) with anyone they delegated to for
 * today, or HR (step 1 without such a manager, and step 2).
 */
export type StepApprover = { kind: 'manager'; userId: string; employeeId: string } | { kind: 'hr' };

export function stepApprover(employee: RequestEmployee, step: number): StepApprover {
  if (step === 1 && employee.managerUserId && employee.managerId)
    return { kind: 'manager', userId: employee.managerUserId, employeeId: employee.managerId };
  return { kind: 'hr' };
}

/** Users standing in for a manager (an employee id) on `today`. */
export async function delegateUsersOf(
  tx: Tx,
  tenantId: string,
  managerEmployeeId: string,
  today: string,
): Promise<string[]> {
  const { rows } = await tx.query<{ user_id: string }>(
    `select distinct de.user_id
       from qultrix.approval_delegations d
       join qultrix.employees de on de.tenant_id = d.tenant_id and de.id = d.delegate_id
      where d.tenant_id = $1 and d.delegator_id = $2 and $3::date between d.starts_on and d.ends_on
        and de.user_id is not null and de.status <> 'terminated'`,
    [tenantId, managerEmployeeId, today],
  );
  return rows.map((row) => row.user_id);
}

/**
 * Active members of the current tenant whose roles grant the HR permission
 * (system roles resolved from code, custom ones from their row), for
 * notifications: the first MAX_NOTIFIED_APPROVERS by user id.
 */
export async function hrUsers(tx: Tx): Promise<string[]> {
  const holders = await permissionHolders(tx, ADMIN_PERMISSION);
  return holders.slice(0, MAX_NOTIFIED_APPROVERS).map((holder) => holder.userId);
}

/** Everyone who may decide the step now, except the employee themselves and whoever decided step 1. */
export async function approverUsersOf(
  tx: Tx,
  tenantId: string,
  employee: RequestEmployee,
  step: number,
  today: string,
  exclude: readonly (string | null)[],
): Promise<string[]> {
  const approver = stepApprover(employee, step);
  const users =
    approver.kind === 'manager'
      ? [approver.userId, ...(await delegateUsersOf(tx, tenantId, approver.employeeId, today))]
      : await hrUsers(tx);
  const excluded = new Set([employee.userId, ...exclude]);
  return [...new Set(users)].filter((user) => !excluded.has(user));
}
