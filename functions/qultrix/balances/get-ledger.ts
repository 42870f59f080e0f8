import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { canSeeTimeOffOf } from '../domain/leave-balance';
import { leaveTypeExists, selectLedger } from './repository';
import type { LedgerQuery } from './schemas';

export type GetLedgerDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the rows a balance is the sum of, newest first. */
export async function getLedger(
  employeeId: string,
  leaveTypeId: string,
  query: LedgerQuery,
  deps: GetLedgerDeps,
) {
  const { tx, principal } = deps;
  if (!(await canSeeTimeOffOf(tx, principal, employeeId))) throw new NotFoundError('Employee');
  if (!(await leaveTypeExists(tx, principal.tenantId, leaveTypeId))) throw new NotFoundError('Leave type');
  return selectLedger(tx, principal.tenantId, employeeId, leaveTypeId, query);
}
