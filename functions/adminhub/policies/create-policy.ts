import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { insertPolicy } from './repository';
import type { CreatePolicyInput, Policy } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type CreatePolicyDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId'>;

/** Adds a policy to the caller's tenant; an API key's policy has no user as its creator. */
export function createPolicy(input: CreatePolicyInput, deps: CreatePolicyDeps): Promise<Policy> {
  const { principal } = deps;
  return insertPolicy(deps.tx, {
    ...input,
    tenantId: principal.tenantId,
    id: deps.newId(),
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
}
