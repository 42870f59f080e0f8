import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  ChangeLeavePolicyBody,
  CreateLeavePolicyBody,
  EmployeeLeavePolicies,
  EmployeeParams,
  LeavePolicy,
  LeavePolicyParams,
  ListLeavePoliciesQuery,
} from './schemas';

const path = '/v1/qultrix/leave-policies';

/**
 * Leave policies: who gets how much of a leave type, how it accrues, what is
 * carried over. Managed by time-off administrators; which one applies to an
 * employee is readable by that employee and their managers.
 */
export const leavePoliciesService = defineService({
  product: 'qultrix',
  capability: 'leave-policies',
  description: 'Leave policies: entitlement, accrual, proration, carry-over and who they apply to.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listLeavePolicies',
      method: 'GET',
      path,
      permission: 'qultrix:time-off:admin',
      summary: 'List leave policies',
      description: 'Oldest first (the order ties are broken in), optionally of one leave type.',
      query: ListLeavePoliciesQuery,
      response: pageOf(LeavePolicy),
    }),
    defineRoute({
      operationId: 'createLeavePolicy',
      method: 'POST',
      path,
      permission: 'qultrix:time-off:admin',
      summary: 'Create a leave policy',
      description:
        'A leave type or location that is not in the tenant is a 422 naming the field; an archived leave type takes no new policies.',
      body: CreateLeavePolicyBody,
      status: 201,
      response: LeavePolicy,
    }),
    defineRoute({
      operationId: 'getLeavePolicy',
      method: 'GET',
      path: `${path}/{policyId}`,
      permission: 'qultrix:time-off:admin',
      summary: 'Get a leave policy',
      description: "Another tenant's policy, or none, is a 404.",
      params: LeavePolicyParams,
      response: LeavePolicy,
    }),
    defineRoute({
      operationId: 'updateLeavePolicy',
      method: 'PATCH',
      path: `${path}/{policyId}`,
      permission: 'qultrix:time-off:admin',
      summary: 'Change or archive a leave policy',
      description:
        'Partial update with `version` (or `If-Match`). A new entitlement applies to the periods accrued from then on; the ledger keeps what was accrued. `archived: true` stops it applying to anyone.',
      params: LeavePolicyParams,
      body: ChangeLeavePolicyBody,
      headers: IF_MATCH_HEADER,
      response: LeavePolicy,
    }),
    defineRoute({
      operationId: 'deleteLeavePolicy',
      method: 'DELETE',
      path: `${path}/{policyId}`,
      permission: 'qultrix:time-off:admin',
      summary: 'Delete a leave policy that never accrued',
      description: 'Once it has accrued balances, a 409 `leave_policy_in_use`: archive it instead.',
      params: LeavePolicyParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'listEmployeeLeavePolicies',
      method: 'GET',
      path: '/v1/qultrix/employees/{employeeId}/leave-policies',
      permission: 'qultrix:time-off:request',
      summary: 'Which leave policy applies to an employee',
      description:
        'Per leave type, the most specific policy whose employment types and locations match the employee (both named > one named > neither; ties go to the oldest). Visible to the employee, their managers and time-off admins; others get 404.',
      params: EmployeeParams,
      response: EmployeeLeavePolicies,
    }),
  ],
});
