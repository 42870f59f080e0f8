import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { hiddenProjectIds } from '../domain/project-access';
import { selectDealProjects } from './repository';
import type { ListDealProjectsQuery } from './schemas';

/** Projects made from deals that the caller can see (private ones only as a member or Taskodex admin). */
export async function listDealProjects(
  query: ListDealProjectsQuery,
  deps: Pick<RequestDeps, 'tx' | 'principal'>,
) {
  const hidden = await hiddenProjectIds(deps.tx, deps.principal);
  return selectDealProjects(deps.tx, deps.principal.tenantId, hidden, query);
}
