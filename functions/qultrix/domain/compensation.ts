import { recordAudit } from '@halooid/shared/audit';
import { permits } from '@halooid/shared/auth/permissions';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { type CompensationRow, selectCurrentCompensation } from './compensation-rows';
import type { Compensation } from './compensation-schema';
import { openField } from './sealing';

export const COMPENSATION_READ = 'qultrix:compensation:read';

export type CompensationReadDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'now'>;

/** The calendar day (UTC) that decides which effective-dated row is current. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** May the caller see sealed fields (salary, identifiers)? Others get records without them, not a 403. */
export function canReadCompensation(principal: RequestDeps['principal']): boolean {
  return permits(principal.grants, COMPENSATION_READ);
}

/** A stored row as the API shows it, the salary opened with the row's own AAD. */
export async function compensationOf(tenantId: string, row: CompensationRow): Promise<Compensation> {
  return {
    id: row.id,
    employeeId: row.employee_id,
    salary: await openField(
      'compensation.salary',
      { tenantId, employeeId: row.employee_id, rowId: row.id },
      row.salary_sealed,
    ),
    currency: row.currency,
    payFrequency: row.pay_frequency,
    effectiveDate: row.effective_date,
    reason: row.reason,
    current: row.current,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** Every read of sealed fields leaves an audit row (in the reading transaction), whoever reads and however. */
export async function auditSealedRead(
  deps: Pick<RequestDeps, 'tx' | 'actor'>,
  employeeId: string,
  details: { fields: 'compensation' | 'identifiers'; via: string; rows: number },
): Promise<void> {
  await recordAudit(deps.tx, deps.actor, {
    action: `${details.fields}.read`,
    targetType: 'employee',
    targetId: employeeId,
    details: { via: details.via, rows: details.rows },
  });
}

/**
 * The employee's compensation in effect today, for other use cases (the
 * employee record): undefined, without an audit row, when the caller lacks
 * `qultrix:compensation:read` or there is none; otherwise audited as a read.
 * The caller has already found the employee in its tenant.
 */
export async function currentCompensationFor(
  deps: CompensationReadDeps,
  employeeId: string,
): Promise<Compensation | undefined> {
  if (!canReadCompensation(deps.principal)) return undefined;
  const { tenantId } = deps.principal;
  const row = await selectCurrentCompensation(deps.tx, tenantId, employeeId, todayOf(deps.now()));
  if (!row) return undefined;
  const compensation = await compensationOf(tenantId, row);
  await auditSealedRead(deps, employeeId, { fields: 'compensation', via: 'employee', rows: 1 });
  return compensation;
}
