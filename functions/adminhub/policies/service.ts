import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { CreatePolicyBody, ListPoliciesQuery, Policy, PolicyParams } from './schemas';

/**
 * Policies of adminhub. Scaffolded by `npm run new`: say here what the
 * capability is for and why its permissions are split the way they are.
 */
export const policiesService = defineService({
  product: 'adminhub',
  capability: 'policies',
  description: 'The policies of a tenant.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [
    { name: 'adminhub:policy:read', description: 'See policies.' },
    { name: 'adminhub:policy:write', description: 'Create policies.' },
  ],
  routes: [
    defineRoute({
      operationId: 'listPolicies',
      method: 'GET',
      path: '/v1/adminhub/policies',
      permission: 'adminhub:policy:read',
      summary: 'List policies',
      description: 'Newest first, a page at a time (`cursor` from the previous page).',
      query: ListPoliciesQuery,
      response: pageOf(Policy),
    }),
    defineRoute({
      operationId: 'createPolicy',
      method: 'POST',
      path: '/v1/adminhub/policies',
      permission: 'adminhub:policy:write',
      summary: 'Create a policy',
      body: CreatePolicyBody,
      status: 201,
      response: Policy,
    }),
    defineRoute({
      operationId: 'getPolicy',
      method: 'GET',
      path: '/v1/adminhub/policies/{policyId}',
      permission: 'adminhub:policy:read',
      summary: 'Get a policy',
      description: "Another tenant's policy, or none, is a 404.",
      params: PolicyParams,
      response: Policy,
    }),
  ],
});
