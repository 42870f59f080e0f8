import type { Tx } from '@halooid/shared/db/transaction';
import type { PayFrequency } from './compensation-schema';

/**
 * The compensation rows other slices read (the employee record's current
 * compensation, the timeline, a job change's link): SQL for
 * qultrix.compensation, every statement filtering by tenant_id (RLS is the
 * backstop). Rows come back sealed; opening them is domain/compensation.ts's
 * job. `current` is computed in SQL: the newest row (by effective date, then
 * by when it was recorded) effective on or before `today` ($3).
 */
export interface CompensationRow {
  id: string;
  employee_id: string;
  effective_date: string;
  salary_sealed: string;
  currency: string;
  pay_frequency: PayFrequency;
  reason: string | null;
  created_by: string | null;
  created_at: Date;
  current: boolean;
}

/** Newest effective first; of two rows on one day, the later recorded (a correction) wins. */
export const historyOrder = (alias: string) =>
  `${alias}.effective_date desc, ${alias}.created_at desc, ${alias}.id desc`;

/** `id = the current row's id`, for a history table aliased `h`. */
export const currentFlag = (table: string) => `coalesce(h.id = (
    select c.id from qultrix.${table} c
     where c.tenant_id = h.tenant_id and c.employee_id = h.employee_id and c.effective_date <= $3::date
     order by ${historyOrder('c')} limit 1), false) as current`;

export const COMPENSATION_COLUMNS = `h.id, h.employee_id, h.effective_date::text, h.salary_sealed, h.currency,
  h.pay_frequency, h.reason, h.created_by, h.created_at, ${currentFlag('compensation')}`;
/** The row in effect on `today`, if any. */
export async function selectCurrentCompensation(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  today: string,
): Promise<CompensationRow | undefined> {
  const { rows } = await tx.query<CompensationRow>(
    `select ${COMPENSATION_COLUMNS} from qultrix.compensation h
      where h.tenant_id = $1 and h.employee_id = $2 and h.effective_date <= $3::date
      order by ${historyOrder('h')} limit 1`,
    [tenantId, employeeId, today],
  );
  return rows[0];
}

/** The rows with these ids (a timeline page), in no particular order. */
export async function selectCompensationByIds(
  tx: Tx,
  tenantId: string,
  ids: readonly string[],
  today: string,
): Promise<CompensationRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.query<CompensationRow>(
    `select ${COMPENSATION_COLUMNS} from qultrix.compensation h where h.tenant_id = $1 and h.id = any($2::uuid[])`,
    [tenantId, ids, today],
  );
  return rows;
}

/** Does this compensation row belong to this employee (a job change may point at it)? */
export async function compensationOfEmployee(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  compensationId: string,
): Promise<boolean> {
  const { rows } = await tx.query<{ found: boolean }>(
    `select exists (select 1 from qultrix.compensation
                     where tenant_id = $1 and employee_id = $2 and id = $3) as found`,
    [tenantId, employeeId, compensationId],
  );
  return rows[0]?.found === true;
}
