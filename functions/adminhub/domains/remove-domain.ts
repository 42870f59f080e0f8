import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { deleteDomain } from './repository';

export type RemoveDomainDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

/** Removes a domain, verified or not: another tenant may then verify it. */
export async function removeDomain(domainId: string, deps: RemoveDomainDeps): Promise<void> {
  const removed = await deleteDomain(deps.tx, deps.principal.tenantId, domainId);
  if (!removed) throw new NotFoundError('Domain');
  await recordAudit(deps.tx, deps.actor, {
    action: 'adminhub.domain.removed',
    targetType: 'domain',
    targetId: domainId,
    details: { domain: removed.domain, status: removed.status },
  });
}
