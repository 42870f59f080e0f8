import { type Tx, withTenantTransaction } from '@halooid/shared/db/transaction';
import { withWorkerTransaction } from '@halooid/shared/events/worker-transaction';
import { createLogger } from '@halooid/shared/observability';
import { lockBalance } from '../domain/leave-balance';
import { type AccrualAssignment, accrualAssignments } from '../domain/leave-policy';
import {
  accrualsDue,
  carriedExpiry,
  carryOverExpiryDate,
  fromThousandths,
  toThousandths,
  yearEnd,
} from './accrual-math';
import { accruedIn, insertJobRows, type JobRow, pairKey, sumsOf } from './ledger-rows';

const logger = createLogger('qultrix-accrual');

/** Tenants with a current policy: the only cross-tenant read, on ids alone. */
async function tenantsWithPolicies(tx: Tx): Promise<string[]> {
  const { rows } = await tx.query<{ tenant_id: string }>(
    `select distinct tenant_id from qultrix.leave_policies where not archived`,
  );
  return rows.map((row) => row.tenant_id);
}

/**
 * One tenant on `today`: for every accruing employee and their policy per
 * leave type, the accrual rows of the year due by today, the carry-over
 * expiry once due, and, for pairs that accrued last year, last year's missing
 * rows and its year end. Catch-up stops at last year, so a new policy never
 * back-fills the years before it; earlier balances are HR adjustments.
 * Returns the number of ledger rows written.
 */
export async function accrueTenant(tx: Tx, tenantId: string, today: string): Promise<number> {
  const year = Number(today.slice(0, 4));
  const assignments = await accrualAssignments(tx, tenantId);
  const lastYear = await accruedIn(tx, tenantId, year - 1);
  let written = 0;
  for (const assignment of assignments) {
    const key = pairKey(assignment.employeeId, assignment.policy.leaveTypeId);
    for (const y of lastYear.has(key) ? [year - 1, year] : [year]) {
      written += await accrueYear(tx, tenantId, assignment, y, today);
    }
  }
  return written;
}

async function accrueYear(
  tx: Tx,
  tenantId: string,
  assignment: AccrualAssignment,
  year: number,
  today: string,
): Promise<number> {
  const { employeeId, hireDate, policy } = assignment;
  const base = { employeeId, leaveTypeId: policy.leaveTypeId, policyId: policy.id };
  const yearLast = `${year}-12-31`;
  const dueBy = today < yearLast ? today : yearLast;
  const accruals: JobRow[] = accrualsDue(policy, hireDate, year, dueBy).map((row) => ({
    ...base,
    kind: 'accrual',
    amount: row.amount,
    effectiveDate: row.effectiveDate,
    period: row.period,
    note: null,
  }));
  let written = await insertJobRows(tx, tenantId, accruals);

  const expiresOn = carryOverExpiryDate(year, policy.carryOverExpiryMonths);
  const closing = year < Number(today.slice(0, 4));
  if ((expiresOn && expiresOn <= today) || closing) {
    // Both subtract from what the employee has: serialised with requests spending it.
    await lockBalance(tx, tenantId, employeeId);
  }
  if (expiresOn && expiresOn <= today) {
    const sums = await sumsOf(tx, tenantId, employeeId, policy.leaveTypeId, year, expiresOn);
    const expire = carriedExpiry(sums.carried, sums.takenSince, sums.balance);
    if (sums.carried > 0 && expire > 0)
      written += await insertJobRows(tx, tenantId, [
        {
          ...base,
          kind: 'expiry',
          amount: -expire,
          effectiveDate: expiresOn,
          period: `${year}-CO`,
          note: `Carried-over leave not used by ${expiresOn}`,
        },
      ]);
  }
  if (closing) {
    const { balance } = await sumsOf(tx, tenantId, employeeId, policy.leaveTypeId, year, yearLast);
    const cap = policy.carryOverCap === null ? null : toThousandths(policy.carryOverCap);
    const { expire, carry } = yearEnd(balance, cap);
    const rows: JobRow[] = [];
    if (expire > 0)
      rows.push({
        ...base,
        kind: 'expiry',
        amount: -expire,
        effectiveDate: yearLast,
        period: String(year),
        note: `Year end ${year}: ${fromThousandths(expire)} unused, ${fromThousandths(carry)} carried over`,
      });
    if (carry > 0)
      rows.push({
        ...base,
        kind: 'carry_over',
        amount: carry,
        effectiveDate: `${year + 1}-01-01`,
        period: String(year + 1),
        note: `Carried over from ${year}`,
      });
    written += await insertJobRows(tx, tenantId, rows);
  }
  return written;
}

/**
 * The daily job. `now` decides the day (UTC) it accrues for, so tests run it
 * for chosen dates. Each tenant runs in its own transaction: one tenant's
 * failure neither blocks nor undoes the others, and the next run (idempotent
 * per period) picks up what is left.
 */
export async function runAccrual(options: { now?: Date } = {}): Promise<{ tenants: number; rows: number }> {
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const tenants = await withWorkerTransaction(tenantsWithPolicies);
  let rows = 0;
  for (const tenantId of tenants) {
    try {
      rows += await withTenantTransaction({ tenantId }, (tx) => accrueTenant(tx, tenantId, today));
    } catch (error) {
      logger.error('Leave accrual failed for a tenant; the next run retries it', {
        tenantId,
        error: error as Error,
      });
    }
  }
  logger.info('Leave accrued', { today, tenants: tenants.length, rows });
  return { tenants: tenants.length, rows };
}
