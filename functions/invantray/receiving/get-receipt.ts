import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectReceipt } from './receipt-repository';
import type { Receipt } from './schemas';

export type GetReceiptDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One receipt with its lines (item, location, lot, quantity, cost); another tenant's is a 404. */
export async function getReceipt(id: string, deps: GetReceiptDeps): Promise<Receipt> {
  const receipt = await selectReceipt(deps.tx, deps.principal.tenantId, id);
  if (!receipt) throw new NotFoundError('Receipt');
  return receipt;
}
