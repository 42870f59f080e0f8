import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag } from '@halooid/shared/http/versioning';
import { createPolicy } from './create-policy';
import { getPolicy } from './get-policy';
import { listPolicies } from './list-policies';
import { policiesService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(policiesService, {
  listPolicies: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listPolicies(query, deps)),
  }),
  createPolicy: async ({ body, inTenant }) => {
    const policy = await inTenant((deps) => createPolicy(body, deps));
    return {
      body: policy,
      headers: { Location: `/v1/adminhub/policies/${policy.id}`, ...etag(policy.version) },
    };
  },
  getPolicy: async ({ params, inTenant }) => {
    const policy = await inTenant((deps) => getPolicy(params.policyId, deps));
    return { body: policy, headers: etag(policy.version) };
  },
});
