import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { orderExists } from './order-repository';
import { selectReceiptPage } from './receipt-repository';
import type { ListReceiptsQuery } from './schemas';

export type ListReceiptsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** An order's receipts, newest first, each with its lines; another tenant's order is a 404. */
export async function listReceipts(orderId: string, query: ListReceiptsQuery, deps: ListReceiptsDeps) {
  const tenantId = deps.principal.tenantId;
  if (!(await orderExists(deps.tx, tenantId, orderId))) throw new NotFoundError('Purchase order');
  return selectReceiptPage(deps.tx, tenantId, orderId, query);
}
