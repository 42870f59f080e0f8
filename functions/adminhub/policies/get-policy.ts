import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectPolicy } from './repository';
import type { Policy } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type GetPolicyDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One policy of the caller's tenant; anything else (another tenant's, a deleted one) is a 404. */
export async function getPolicy(id: string, deps: GetPolicyDeps): Promise<Policy> {
  const policy = await selectPolicy(deps.tx, deps.principal.tenantId, id);
  if (!policy) throw new NotFoundError('Policy');
  return policy;
}
