import type { Tx } from '@halooid/shared/db/transaction';
import * as z from 'zod';

/**
 * An exact decimal as a string ("25", "2.5"): amounts of leave travel as
 * strings and are stored as numeric, never as JS floats. `digits` and
 * `scale` mirror the column (numeric(7, 2): at most 5 integer digits).
 */
export function decimalString(options: { integerDigits: number; scale: number; signed?: boolean }) {
  const sign = options.signed ? '-?' : '';
  const pattern = new RegExp(`^${sign}\\d{1,${options.integerDigits}}(\\.\\d{1,${options.scale}})?$`);
  return z
    .string()
    .max(options.integerDigits + options.scale + 2)
    .regex(pattern, `A decimal with at most ${options.scale} decimals, such as "2.5".`);
}

/** The policy fields the accrual job and the assignment read. */
export interface ApplicablePolicy {
  id: string;
  leaveTypeId: string;
  name: string;
  yearlyEntitlement: string;
  accrual: 'monthly' | 'yearly';
  prorate: boolean;
  carryOverCap: string | null;
  carryOverExpiryMonths: number | null;
  waitingDays: number;
}

interface PolicyRow {
  id: string;
  leave_type_id: string;
  name: string;
  yearly_entitlement: string;
  accrual: 'monthly' | 'yearly';
  prorate: boolean;
  carry_over_cap: string | null;
  carry_over_expiry_months: number | null;
  waiting_days: number;
}

/*
 * The assignment rule, in one place: a policy applies to an employee when its
 * employment types (null: any) contain the employee's and its locations (null:
 * any) contain the employee's location (an employee without a location matches
 * only "any"). Of those, per leave type, the most specific wins: a policy that
 * names both employment types and locations beats one naming either, which
 * beats one naming neither; a tie goes to the oldest policy (created first),
 * so adding a policy never silently takes employees from an existing one of
 * the same rank. Archived policies and leave types apply to no one.
 */
const POLICY_COLUMNS = `p.id, p.leave_type_id, p.name, trim_scale(p.yearly_entitlement)::text as yearly_entitlement, p.accrual, p.prorate,
         trim_scale(p.carry_over_cap)::text as carry_over_cap, p.carry_over_expiry_months, p.waiting_days`;
const MATCHING = `
    from qultrix.employees e
    join qultrix.leave_policies p
      on p.tenant_id = e.tenant_id and not p.archived
     and (p.employment_types is null or e.employment_type = any (p.employment_types))
     and (p.location_ids is null or e.location_id = any (p.location_ids))
    join qultrix.leave_types t
      on t.tenant_id = p.tenant_id and t.id = p.leave_type_id and not t.archived
   where e.tenant_id = $1`;
const SPECIFICITY = `(p.employment_types is not null)::int + (p.location_ids is not null)::int desc, p.created_at, p.id`;
const APPLICABLE = `select distinct on (p.leave_type_id) ${POLICY_COLUMNS} ${MATCHING} and e.id = $2`;
const MOST_SPECIFIC = `order by p.leave_type_id, ${SPECIFICITY}`;

function toPolicy(row: PolicyRow): ApplicablePolicy {
  return {
    id: row.id,
    leaveTypeId: row.leave_type_id,
    name: row.name,
    yearlyEntitlement: row.yearly_entitlement,
    accrual: row.accrual,
    prorate: row.prorate,
    carryOverCap: row.carry_over_cap,
    carryOverExpiryMonths: row.carry_over_expiry_months,
    waitingDays: row.waiting_days,
  };
}

/** The policy that applies to the employee for each leave type (types without one are absent). */
export async function policiesFor(tx: Tx, tenantId: string, employeeId: string): Promise<ApplicablePolicy[]> {
  const { rows } = await tx.query<PolicyRow>(`${APPLICABLE} ${MOST_SPECIFIC}`, [tenantId, employeeId]);
  return rows.map(toPolicy);
}

/** The policy that applies to the employee for one leave type, or null when none does. */
export async function policyFor(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  leaveTypeId: string,
): Promise<ApplicablePolicy | null> {
  const { rows } = await tx.query<PolicyRow>(`${APPLICABLE} and p.leave_type_id = $3 ${MOST_SPECIFIC}`, [
    tenantId,
    employeeId,
    leaveTypeId,
  ]);
  return rows[0] ? toPolicy(rows[0]) : null;
}

/** An employee the accrual job accrues for, with the policy that applies to them for one leave type. */
export interface AccrualAssignment {
  employeeId: string;
  hireDate: string;
  policy: ApplicablePolicy;
}

/**
 * Every (employee, leave type) of the tenant that accrues: employees who are
 * onboarding, active or on leave (terminated ones accrue nothing more), each
 * with the one policy the assignment rule picks. One statement for the tenant.
 */
export async function accrualAssignments(tx: Tx, tenantId: string): Promise<AccrualAssignment[]> {
  const { rows } = await tx.query<PolicyRow & { employee_id: string; hire_date: string }>(
    `select distinct on (e.id, p.leave_type_id) e.id as employee_id, e.hire_date::text as hire_date, ${POLICY_COLUMNS}
     ${MATCHING} and e.status in ('onboarding', 'active', 'on_leave') and t.tracks_balance
      order by e.id, p.leave_type_id, ${SPECIFICITY}`,
    [tenantId],
  );
  return rows.map((row) => ({ employeeId: row.employee_id, hireDate: row.hire_date, policy: toPolicy(row) }));
}
