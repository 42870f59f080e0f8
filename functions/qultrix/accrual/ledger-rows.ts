import type { Tx } from '@halooid/shared/db/transaction';
import { uuidv7 } from '@halooid/shared/ids';
import { fromThousandths, toThousandths } from './accrual-math';

/** SQL the accrual job needs on the ledger; every statement filters by tenant_id (RLS is the backstop). */

export interface JobRow {
  employeeId: string;
  leaveTypeId: string;
  kind: 'accrual' | 'carry_over' | 'expiry';
  /** Signed thousandths of the unit. */
  amount: number;
  effectiveDate: string;
  period: string;
  policyId: string;
  note: string | null;
}

/**
 * Writes the rows whose (employee, type, kind, period) is not in the ledger
 * yet; the rest are skipped by the unique period index, which is what makes
 * every run after the first for a period change nothing, even two at once.
 * Accrual rows of a year that already accrued at the other frequency are
 * skipped too, so a frequency change cannot pay a year twice.
 */
export async function insertJobRows(tx: Tx, tenantId: string, rows: readonly JobRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { rowCount } = await tx.query(
    `insert into qultrix.leave_ledger
       (tenant_id, id, employee_id, leave_type_id, kind, amount, effective_date, period, policy_id, note)
     select $1, r.id, r.employee_id, r.leave_type_id, r.kind, r.amount, r.effective_date, r.period, r.policy_id, r.note
       from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::numeric[], $7::date[], $8::text[], $9::uuid[], $10::text[])
            as r (id, employee_id, leave_type_id, kind, amount, effective_date, period, policy_id, note)
      -- A year accrues monthly ('2026-07') or yearly ('2026'), never both: after a policy
      -- changes its frequency, the new one starts with the next year.
      where r.kind <> 'accrual' or not exists (
        select 1 from qultrix.leave_ledger l
         where l.tenant_id = $1 and l.employee_id = r.employee_id and l.leave_type_id = r.leave_type_id
           and l.kind = 'accrual' and left(l.period, 4) = left(r.period, 4)
           and char_length(l.period) <> char_length(r.period))
     on conflict (tenant_id, employee_id, leave_type_id, kind, period) where period is not null do nothing`,
    [
      tenantId,
      rows.map(() => uuidv7()),
      rows.map((row) => row.employeeId),
      rows.map((row) => row.leaveTypeId),
      rows.map((row) => row.kind),
      rows.map((row) => fromThousandths(row.amount)),
      rows.map((row) => row.effectiveDate),
      rows.map((row) => row.period),
      rows.map((row) => row.policyId),
      rows.map((row) => row.note),
    ],
  );
  return rowCount ?? 0;
}

/** The (employee, leave type) pairs that accrued in `year`: the job closes that year for them. */
export async function accruedIn(tx: Tx, tenantId: string, year: number): Promise<Set<string>> {
  const { rows } = await tx.query<{ employee_id: string; leave_type_id: string }>(
    `select distinct employee_id, leave_type_id from qultrix.leave_ledger
      where tenant_id = $1 and kind = 'accrual' and effective_date between $2::date and $3::date`,
    [tenantId, `${year}-01-01`, `${year}-12-31`],
  );
  return new Set(rows.map((row) => pairKey(row.employee_id, row.leave_type_id)));
}

export const pairKey = (employeeId: string, leaveTypeId: string) => `${employeeId}:${leaveTypeId}`;

/**
 * The sums the year-end and the carry-over expiry decide from, in thousandths:
 * the balance on `asOf` (rows effective by then), the carry-over into `year`,
 * and the leave taken (net of reversals) from 1 January of `year` to `asOf`.
 */
export async function sumsOf(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  leaveTypeId: string,
  year: number,
  asOf: string,
): Promise<{ balance: number; carried: number; takenSince: number }> {
  const { rows } = await tx.query<{ balance: string; carried: string; taken_since: string }>(
    `select coalesce(sum(amount) filter (where effective_date <= $4::date), 0)::text as balance,
            coalesce(sum(amount) filter (where kind = 'carry_over' and period = $5), 0)::text as carried,
            coalesce(-sum(amount) filter (where kind in ('taken', 'reversal')
                                           and effective_date between $6::date and $4::date), 0)::text as taken_since
       from qultrix.leave_ledger
      where tenant_id = $1 and employee_id = $2 and leave_type_id = $3`,
    [tenantId, employeeId, leaveTypeId, asOf, String(year), `${year}-01-01`],
  );
  const row = rows[0];
  return {
    balance: toThousandths(row?.balance ?? '0'),
    carried: toThousandths(row?.carried ?? '0'),
    takenSince: toThousandths(row?.taken_since ?? '0'),
  };
}
