import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectInvoicePage } from './invoice-repository';
import { orderExists } from './order-repository';
import type { ListInvoicesQuery } from './schemas';

export type ListInvoicesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** An order's supplier invoices with their match, newest first; another tenant's order is a 404. */
export async function listInvoices(orderId: string, query: ListInvoicesQuery, deps: ListInvoicesDeps) {
  const tenantId = deps.principal.tenantId;
  if (!(await orderExists(deps.tx, tenantId, orderId))) throw new NotFoundError('Purchase order');
  return selectInvoicePage(deps.tx, tenantId, orderId, query);
}
