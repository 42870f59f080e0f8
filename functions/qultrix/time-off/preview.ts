import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { balanceOf } from '../domain/leave-balance';
import { targetEmployee } from './access';
import { requestAmount } from './request-amount';
import type { PreviewQuery } from './schemas';

export type PreviewDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** The request dialog's live figures: working days, amount and the balance it would draw on. Writes nothing. */
export async function previewRequest(query: PreviewQuery, deps: PreviewDeps) {
  const { tx, principal } = deps;
  const employee = await targetEmployee(tx, principal, query.employeeId);
  const cost = await requestAmount(tx, principal.tenantId, employee, query.leaveTypeId, query);
  return {
    employeeId: employee.id,
    leaveTypeId: cost.type.id,
    unit: cost.type.unit,
    workingDays: cost.workingDays,
    amount: cost.amount,
    balance: cost.type.tracksBalance
      ? await balanceOf(tx, principal.tenantId, employee.id, cost.type.id)
      : null,
    attachmentRequired: cost.attachmentRequired,
  };
}
