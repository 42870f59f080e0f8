import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { canSeeTimeOffOf } from '../domain/leave-balance';
import { selectBalances } from './repository';
import type { EmployeeBalances } from './schemas';

export type GetBalancesDeps = Pick<RequestDeps, 'tx' | 'principal' | 'now'>;

/** The employee's balance, pending and available amount per leave type; 404 for those who may not see it. */
export async function getBalances(employeeId: string, deps: GetBalancesDeps): Promise<EmployeeBalances> {
  const { tx, principal } = deps;
  if (!(await canSeeTimeOffOf(tx, principal, employeeId))) throw new NotFoundError('Employee');
  const items = await selectBalances(tx, principal.tenantId, employeeId);
  return { employeeId, asOf: deps.now().toISOString(), items };
}
