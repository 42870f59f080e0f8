import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { employeePolicies } from './employee-policies';
import {
  changeLeavePolicy,
  createLeavePolicy,
  getLeavePolicy,
  listLeavePolicies,
  removeLeavePolicy,
} from './policy-use-cases';
import { leavePoliciesService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(leavePoliciesService, {
  listLeavePolicies: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listLeavePolicies(query, deps)),
  }),
  createLeavePolicy: async ({ body, inTenant }) => {
    const policy = await inTenant((deps) => createLeavePolicy(body, deps));
    return {
      body: policy,
      headers: { Location: `/v1/qultrix/leave-policies/${policy.id}`, ...etag(policy.version) },
    };
  },
  getLeavePolicy: async ({ params, inTenant }) => {
    const policy = await inTenant((deps) => getLeavePolicy(params.policyId, deps));
    return { body: policy, headers: etag(policy.version) };
  },
  updateLeavePolicy: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const policy = await inTenant((deps) => changeLeavePolicy(params.policyId, version, changes, deps));
    return { body: policy, headers: etag(policy.version) };
  },
  deleteLeavePolicy: async ({ params, inTenant }) => {
    await inTenant((deps) => removeLeavePolicy(params.policyId, deps));
    return { body: undefined };
  },
  listEmployeeLeavePolicies: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => employeePolicies(params.employeeId, deps)),
  }),
});
