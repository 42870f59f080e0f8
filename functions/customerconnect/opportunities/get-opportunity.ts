import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { OpportunityDetail } from '../domain/opportunity';
import { selectVisibleOpportunity, withContacts } from '../domain/opportunity-repository';

export type GetOpportunityDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One opportunity the caller may see, with its current stage and contacts; anything else is a 404. */
export async function getOpportunity(id: string, deps: GetOpportunityDeps): Promise<OpportunityDetail> {
  const opportunity = await selectVisibleOpportunity(deps.tx, deps.principal, id);
  if (!opportunity) throw new NotFoundError('Opportunity');
  return withContacts(deps.tx, opportunity, deps.principal.tenantId);
}
