import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectVersions } from './repository';
import type { ListVersionsQuery } from './schemas';

export type ListPolicyVersionsDeps = Pick<RequestDeps, 'tx'>;

/** Every saved version, newest first: who changed the policy to what, and when. */
export function listPolicyVersions(query: ListVersionsQuery, deps: ListPolicyVersionsDeps) {
  return selectVersions(deps.tx, query);
}
