import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { type Lead, selectVisibleLead } from '../domain/leads';
import { visibilityOf } from '../domain/visibility';

export type GetLeadDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One lead the caller may see; another tenant's, another rep's under `own`, or none is a 404. */
export async function getLead(id: string, deps: GetLeadDeps): Promise<Lead> {
  const visibility = await visibilityOf(deps.tx, deps.principal, 'lead');
  const lead = await selectVisibleLead(deps.tx, deps.principal.tenantId, id, visibility);
  if (!lead) throw new NotFoundError('Lead');
  return lead;
}
