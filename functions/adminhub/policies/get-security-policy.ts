import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { currentSecurityPolicy } from '@halooid/shared/security-policy';
import type { PolicyVersion } from './schemas';

export type GetSecurityPolicyDeps = Pick<RequestDeps, 'tx'>;

/** The tenant's current policy and its version (0 and the defaults before the first save). */
export async function getSecurityPolicy(deps: GetSecurityPolicyDeps): Promise<PolicyVersion> {
  const current = await currentSecurityPolicy(deps.tx);
  return {
    version: current.version,
    policy: current.policy,
    createdBy: current.createdBy ?? null,
    createdAt: current.createdAt ?? null,
  };
}
