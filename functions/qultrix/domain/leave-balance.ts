import type { Tx } from '@halooid/shared/db/transaction';

/**
 * An employee's balance of one leave type, read from the ledger and the pending
 * requests. Every figure is an exact decimal string computed in SQL (numeric):
 * never a JS float.
 */
export interface LeaveBalance {
  /** The sum of the employee's ledger rows for the type. */
  balance: string;
  /** The sum of the amounts of the employee's pending requests for the type. */
  pending: string;
  /** balance − pending: what a new request may still spend. */
  available: string;
}

/**
 * The balance, pending and available amounts of one employee and leave type.
 * Writers that then spend the balance must hold lockBalance first, or two
 * transactions could both read the same `available`.
 */
export async function balanceOf(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  leaveTypeId: string,
): Promise<LeaveBalance> {
  const { rows } = await tx.query<LeaveBalance>(
    `with b as (
       select coalesce(sum(amount), 0)::numeric as balance
         from qultrix.leave_ledger
        where tenant_id = $1 and employee_id = $2 and leave_type_id = $3
     ), p as (
       select coalesce(sum(amount), 0)::numeric as pending
         from qultrix.leave_requests
        where tenant_id = $1 and employee_id = $2 and leave_type_id = $3 and status = 'pending'
     )
     select trim_scale(b.balance)::text as balance,
            trim_scale(p.pending)::text as pending,
            trim_scale(b.balance - p.pending)::text as available
       from b, p`,
    [tenantId, employeeId, leaveTypeId],
  );
  return rows[0] ?? { balance: '0', pending: '0', available: '0' };
}

/**
 * Serialises, for the rest of the transaction, everything that spends or gives
 * back an employee's balance or checks their requests for overlaps: without it
 * two concurrent requests could each see the last days available and both take
 * them. One lock per employee (not per type) because an overlap check spans
 * all types. Take it before balanceOf.
 */
export async function lockBalance(tx: Tx, tenantId: string, employeeId: string): Promise<void> {
  await tx.query(
    `select pg_advisory_xact_lock(hashtextextended('qultrix.leave-balance:' || $1 || ':' || $2, 0))`,
    [tenantId, employeeId],
  );
}

export interface LedgerRequestEntry {
  /** The new ledger row's id (deps.newId()). */
  id: string;
  tenantId: string;
  employeeId: string;
  leaveTypeId: string;
  requestId: string;
  /** The request's amount, a positive decimal string; the row stores it negated for `taken`. */
  amount: string;
  /** The day the row counts from (the request's start date for `taken`, today for a reversal). */
  effectiveDate: string;
  createdBy: string | null;
}

/**
 * Spends an approved request's amount: one `taken` row of −amount. A request is
 * taken once (unique index on request and kind); a second call returns false.
 * The caller holds lockBalance.
 */
export async function recordTaken(tx: Tx, entry: LedgerRequestEntry): Promise<boolean> {
  return insertRequestRow(tx, entry, 'taken', '-');
}

/**
 * Gives back a taken request (cancelled after approval): one `reversal` row of
 * +amount. Written only once per request; a second call returns false.
 * The caller holds lockBalance.
 */
export async function recordReversal(tx: Tx, entry: LedgerRequestEntry): Promise<boolean> {
  return insertRequestRow(tx, entry, 'reversal', '');
}

async function insertRequestRow(
  tx: Tx,
  entry: LedgerRequestEntry,
  kind: 'taken' | 'reversal',
  sign: '-' | '',
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `insert into qultrix.leave_ledger
       (tenant_id, id, employee_id, leave_type_id, kind, amount, effective_date, request_id, created_by)
     values ($1, $2, $3, $4, $5, ${sign}($6::numeric), $7::date, $8, $9)
     on conflict (tenant_id, request_id, kind) where request_id is not null do nothing`,
    [
      entry.tenantId,
      entry.id,
      entry.employeeId,
      entry.leaveTypeId,
      kind,
      entry.amount,
      entry.effectiveDate,
      entry.requestId,
      entry.createdBy,
    ],
  );
  return rowCount === 1;
}
