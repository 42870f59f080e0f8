import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { canSeeTimeOffOf } from '../domain/leave-balance';
import { policiesFor } from '../domain/leave-policy';
import type { EmployeeLeavePolicies } from './schemas';

export type EmployeePoliciesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * Which policy applies to the employee for each leave type, by the one
 * assignment rule (domain/leave-policy.ts). Visible to the employee, their
 * managers and time-off admins; anyone else gets the 404 a missing employee gets.
 */
export async function employeePolicies(
  employeeId: string,
  deps: EmployeePoliciesDeps,
): Promise<EmployeeLeavePolicies> {
  const { tx, principal } = deps;
  if (!(await canSeeTimeOffOf(tx, principal, employeeId))) throw new NotFoundError('Employee');
  const policies = await policiesFor(tx, principal.tenantId, employeeId);
  return {
    items: policies.map(({ leaveTypeId, ...policy }) => ({
      leaveTypeId,
      policy: {
        id: policy.id,
        name: policy.name,
        yearlyEntitlement: policy.yearlyEntitlement,
        accrual: policy.accrual,
        prorate: policy.prorate,
        carryOverCap: policy.carryOverCap,
        carryOverExpiryMonths: policy.carryOverExpiryMonths,
        waitingDays: policy.waitingDays,
      },
    })),
  };
}
