import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { LedgerEntry, LedgerQuery } from './schemas';

/** SQL for balances and the ledger; every statement filters by tenant_id (RLS is the backstop). */

interface BalanceRow {
  leave_type_id: string;
  leave_type_name: string;
  unit: 'days' | 'hours';
  archived: boolean;
  balance: string;
  pending: string;
  available: string;
}

/**
 * Every balance-tracking leave type's sums for one employee, in one statement
 * (two grouped scans on the tenant-leading indexes). Archived types appear
 * only while the employee still has ledger rows or pending requests in them.
 */
export async function selectBalances(tx: Tx, tenantId: string, employeeId: string) {
  const { rows } = await tx.query<BalanceRow>(
    `with b as (
       select leave_type_id, sum(amount) as balance, count(*) as rows
         from qultrix.leave_ledger where tenant_id = $1 and employee_id = $2 group by leave_type_id
     ), p as (
       select leave_type_id, sum(amount) as pending
         from qultrix.leave_requests
        where tenant_id = $1 and employee_id = $2 and status = 'pending' group by leave_type_id
     )
     select t.id as leave_type_id, t.name as leave_type_name, t.unit, t.archived,
            trim_scale(coalesce(b.balance, 0))::text as balance,
            trim_scale(coalesce(p.pending, 0))::text as pending,
            trim_scale(coalesce(b.balance, 0) - coalesce(p.pending, 0))::text as available
       from qultrix.leave_types t
       left join b on b.leave_type_id = t.id
       left join p on p.leave_type_id = t.id
      where t.tenant_id = $1 and t.tracks_balance and (not t.archived or b.rows > 0 or p.pending is not null)
      order by lower(t.name), t.id`,
    [tenantId, employeeId],
  );
  return rows.map((row) => ({
    leaveTypeId: row.leave_type_id,
    leaveTypeName: row.leave_type_name,
    unit: row.unit,
    archived: row.archived,
    balance: row.balance,
    pending: row.pending,
    available: row.available,
  }));
}

export async function leaveTypeExists(tx: Tx, tenantId: string, leaveTypeId: string): Promise<boolean> {
  const { rows } = await tx.query(`select 1 from qultrix.leave_types where tenant_id = $1 and id = $2`, [
    tenantId,
    leaveTypeId,
  ]);
  return rows.length > 0;
}

interface LedgerRow {
  id: string;
  kind: LedgerEntry['kind'];
  amount: string;
  effective_date: string;
  period: string | null;
  request_id: string | null;
  policy_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Date;
}

const LEDGER_COLUMNS = `id, kind, trim_scale(amount)::text as amount, effective_date::text, period, request_id,
  policy_id, note, created_by, created_at`;

const SORTS: Record<string, SortColumn> = { effectiveDate: { sql: 'effective_date', type: 'date' } };

function toEntry(row: LedgerRow): LedgerEntry {
  return {
    id: row.id,
    kind: row.kind,
    amount: row.amount,
    effectiveDate: row.effective_date,
    period: row.period,
    requestId: row.request_id,
    policyId: row.policy_id,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** Newest first by effective date (ids, UUIDv7, break ties in the order rows were written). */
export async function selectLedger(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  leaveTypeId: string,
  query: LedgerQuery,
) {
  const filter = filterOf(
    [tenantId, employeeId, leaveTypeId],
    ['tenant_id = $1', 'employee_id = $2', 'leave_type_id = $3'],
  );
  if (query.kind) filter.where.push(`kind = ${filter.bind(query.kind)}`);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${LEDGER_COLUMNS}, ${sortValues} from qultrix.leave_ledger`,
    terms: parseSort(undefined, SORTS, '-effectiveDate'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: LedgerRow & Record<string, unknown>) => toEntry(row),
  });
}

export async function insertAdjustment(
  tx: Tx,
  row: {
    tenantId: string;
    id: string;
    employeeId: string;
    leaveTypeId: string;
    amount: string;
    effectiveDate: string;
    note: string;
    createdBy: string | null;
  },
): Promise<LedgerEntry> {
  const { rows } = await tx.query<LedgerRow>(
    `insert into qultrix.leave_ledger
       (tenant_id, id, employee_id, leave_type_id, kind, amount, effective_date, note, created_by)
     values ($1, $2, $3, $4, 'adjustment', $5::numeric, $6::date, $7, $8)
     returning ${LEDGER_COLUMNS}`,
    [
      row.tenantId,
      row.id,
      row.employeeId,
      row.leaveTypeId,
      row.amount,
      row.effectiveDate,
      row.note,
      row.createdBy,
    ],
  );
  return toEntry(rows[0] as LedgerRow);
}

/** Whether `available + amount` stays at or above zero, decided in numeric. */
export async function staysNonNegative(tx: Tx, available: string, amount: string): Promise<boolean> {
  const { rows } = await tx.query<{ ok: boolean }>(`select ($1::numeric + $2::numeric) >= 0 as ok`, [
    available,
    amount,
  ]);
  return rows[0]?.ok ?? false;
}
