import { BusinessRuleError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { requiredApprovalFor } from '../domain/approval';
import { statusAfter } from '../domain/purchase-order-status';
import { loadSettings } from '../domain/settings';
import { invantrayEvents } from '../events';
import { approverUserIds } from './approvers';
import { userIdOf } from './caller';
import { readPurchaseOrder } from './get-purchase-order';
import type { PurchaseOrder } from './schemas';
import { auditedSnapshot, lockForAction, type StatusChangeDeps, writeStatus } from './status-change';

export type SubmitPurchaseOrderDeps = StatusChangeDeps & Pick<RequestDeps, 'now'>;

/**
 * Submits a draft for approval. The approval it needs is decided now, from
 * its total in the base currency (total × exchange rate, in numeric) against
 * the tenant's levels: below every level the order is approved at once
 * (`required_approval` none, no approver); otherwise it waits as `submitted`
 * and `purchase-order.submitted` names the members who may approve it, whom
 * the notification rule tells (never its creator or submitter).
 */
export async function submitPurchaseOrder(id: string, deps: SubmitPurchaseOrderDeps): Promise<PurchaseOrder> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  const order = await lockForAction(tx, tenantId, id, 'submit');
  if (order.line_count === 0)
    throw new BusinessRuleError('no_lines', 'An order without lines cannot be submitted.');
  const { approvalLevels } = await loadSettings(tx, tenantId);
  const required = requiredApprovalFor(order.total_in_base, approvalLevels);
  const status = statusAfter(order.status, 'submit', required);
  const submitter = userIdOf(principal);
  const now = deps.now();
  await writeStatus(tx, tenantId, id, status, {
    required_approval: required,
    submitted_by: submitter,
    submitted_at: now,
    ...(required === 'none' ? { approved_by: null, approved_at: now } : {}),
  });
  const approvers =
    required === 'none' ? [] : await approverUserIds(tx, required, [order.created_by, submitter]);
  const purchaseOrder = await auditedSnapshot(deps, id, 'submitted', {
    requiredApproval: required,
    totalInBaseCurrency: order.total_in_base,
  });
  await deps.events.record(invantrayEvents, 'purchase-order.submitted', {
    purchaseOrder,
    approverUserIds: approvers,
  });
  // An order approved at once is approved like any other: whoever waits for approvals hears of it.
  if (required === 'none')
    await deps.events.record(invantrayEvents, 'purchase-order.approved', { purchaseOrder, approvedBy: null });
  return readPurchaseOrder(tx, principal, id);
}
