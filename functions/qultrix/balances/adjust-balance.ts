import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { balanceOf, canSeeTimeOffOf, lockBalance } from '../domain/leave-balance';
import { insertAdjustment, leaveTypeExists, staysNonNegative } from './repository';
import type { Adjustment, AdjustmentInput } from './schemas';

export type AdjustBalanceDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'now'>;

/**
 * HR corrects a balance with a signed `adjustment` row (opening balances,
 * corrections, advances), effective today. Under the employee's balance lock,
 * like every writer, so the check against what is available cannot race a
 * request spending it. Leaving less than nothing available (balance minus
 * pending requests) needs `allowNegative: true`, else a 422. Audited with the
 * amount (a quantity of leave, not personal data).
 */
export async function adjustBalance(
  employeeId: string,
  leaveTypeId: string,
  input: AdjustmentInput,
  deps: AdjustBalanceDeps,
): Promise<Adjustment> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  if (!(await canSeeTimeOffOf(tx, principal, employeeId))) throw new NotFoundError('Employee');
  if (!(await leaveTypeExists(tx, tenantId, leaveTypeId))) throw new NotFoundError('Leave type');
  await lockBalance(tx, tenantId, employeeId);
  const before = await balanceOf(tx, tenantId, employeeId, leaveTypeId);
  if (!input.allowNegative && !(await staysNonNegative(tx, before.available, input.amount)))
    throw new BusinessRuleError(
      'balance_would_go_negative',
      `This would leave ${before.available} − ${input.amount.replace(/^-/, '')} available; send allowNegative: true to allow it.`,
      [{ field: 'body.amount', message: 'More than is available.', code: 'balance_would_go_negative' }],
    );
  const entry = await insertAdjustment(tx, {
    tenantId,
    id: deps.newId(),
    employeeId,
    leaveTypeId,
    amount: input.amount,
    effectiveDate: deps.now().toISOString().slice(0, 10),
    note: input.note,
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
  await recordAudit(tx, deps.actor, {
    action: 'leave_balance.adjusted',
    targetType: 'employee',
    targetId: employeeId,
    details: { leaveTypeId, amount: entry.amount, allowNegative: input.allowNegative },
  });
  return { entry, balance: await balanceOf(tx, tenantId, employeeId, leaveTypeId) };
}
