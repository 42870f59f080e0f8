import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { callerOf } from './caller';
import { loadRequisition, selectRequisitionRow, selectRequisitions } from './repository';
import type { ListRequisitionsQuery, Requisition } from './schemas';

export type RequisitionReadDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One requisition with its lines and orders; someone else's, without `procurement:read`, is a 404. */
export async function getRequisition(id: string, deps: RequisitionReadDeps): Promise<Requisition> {
  const caller = callerOf(deps.principal);
  const row = await selectRequisitionRow(deps.tx, caller, id);
  if (!row) throw new NotFoundError('Requisition');
  return loadRequisition(deps.tx, caller, row);
}

/** One page of the requisitions the caller may see: all with `procurement:read`, else their own. */
export function listRequisitions(query: ListRequisitionsQuery, deps: RequisitionReadDeps) {
  return selectRequisitions(deps.tx, callerOf(deps.principal), query);
}
