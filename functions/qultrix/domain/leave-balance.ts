import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';

/** Time-off administrators see and manage every employee's balances and requests. */
export const TIME_OFF_ADMIN = 'qultrix:time-off:admin';

/**
 * Whether the caller may see an employee's time off (balances, ledger,
 * policies): the employee themself (their record links the caller's user),
 * anyone above them in the manager tree (direct or indirect manager), or a
 * holder of qultrix:time-off:admin. False also when the employee is not in
 * the tenant, so callers answer 404 either way and nothing leaks. The same
 * rule as the employee row scope (self and reports), asked for one employee:
 * so it walks up from that employee (as deep as the tree) instead of down
 * from the caller (as wide as their reports). `union` ends even on a cycle.
 */
export async function canSeeTimeOffOf(tx: Tx, principal: Principal, employeeId: string): Promise<boolean> {
  const userId = principal.principalType === 'user' ? principal.principalId : null;
  const { rows } = await tx.query<{ related: boolean }>(
    `with recursive chain (id, manager_id, user_id) as (
       select e.id, e.manager_id, e.user_id from qultrix.employees e where e.tenant_id = $1 and e.id = $2
       union
       select e.id, e.manager_id, e.user_id
         from chain c join qultrix.employees e on e.tenant_id = $1 and e.id = c.manager_id
     )
     select coalesce($3::uuid is not null and exists (select 1 from chain where user_id = $3::uuid), false) as related
       from (select 1) one where exists (select 1 from chain)`,
    [principal.tenantId, employeeId, userId],
  );
  const row = rows[0];
  if (!row) return false;
  return row.related || permits(principal.grants, TIME_OFF_ADMIN);
}

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
