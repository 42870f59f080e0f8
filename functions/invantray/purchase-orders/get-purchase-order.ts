import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { allowedActions } from '../domain/purchase-order-status';
import { loadSettings } from '../domain/settings';
import { callerOf } from './caller';
import { type OrderRow, selectLines, selectOrder, summaryOf } from './repository';
import type { PurchaseOrder } from './schemas';

export type GetPurchaseOrderDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One order with its lines and what the caller may do to it; another tenant's or none is a 404. */
export async function getPurchaseOrder(id: string, deps: GetPurchaseOrderDeps): Promise<PurchaseOrder> {
  const row = await selectOrder(deps.tx, deps.principal.tenantId, id);
  if (!row) throw new NotFoundError('Purchase order');
  return purchaseOrderView(deps.tx, deps.principal, row);
}

/** Reads the order again (after a change in the same transaction) and answers it. */
export async function readPurchaseOrder(tx: Tx, principal: Principal, id: string): Promise<PurchaseOrder> {
  return getPurchaseOrder(id, { tx, principal });
}

/** The full answer for one order: header, lines, base-currency total and the caller's next actions. */
export async function purchaseOrderView(tx: Tx, principal: Principal, row: OrderRow): Promise<PurchaseOrder> {
  const lines = await selectLines(tx, principal.tenantId, row.id);
  const settings = await loadSettings(tx, principal.tenantId);
  const caller = await callerOf(
    tx,
    principal,
    row.status === 'submitted' && row.required_approval === 'owner',
  );
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    ...summaryOf(row),
    exchangeRate: trimDecimal(row.exchange_rate),
    baseCurrency: settings.baseCurrency,
    totalInBaseCurrency: trimDecimal(row.total_in_base, 2),
    note: row.note,
    matchStatus: row.match_status,
    submittedBy: row.submitted_by,
    submittedAt: iso(row.submitted_at),
    approvedBy: row.approved_by,
    approvedAt: iso(row.approved_at),
    sentAt: iso(row.sent_at),
    receivedAt: iso(row.received_at),
    closedAt: iso(row.closed_at),
    cancelledAt: iso(row.cancelled_at),
    lines,
    allowedActions: allowedActions(
      {
        status: row.status,
        requiredApproval: row.required_approval,
        createdBy: row.created_by,
        submittedBy: row.submitted_by,
        nothingReceived: row.nothing_received,
      },
      caller,
    ),
  };
}
