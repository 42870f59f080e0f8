import { randomBytes } from 'node:crypto';
import { recordAudit } from '@halooid/shared/audit';
import { ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { insertDomain, selectDomainIdByName } from './repository';
import type { AddDomainInput, Domain } from './schemas';

export type AddDomainDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

/** 256 random bits: nobody guesses the record another tenant would have to publish. */
export function newChallengeToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Adds a domain to verify, with its TXT challenge. The same domain twice in
 * a tenant is a 409 naming the existing one; another tenant may add it too
 * (only one can verify it, and only by publishing its own token).
 */
export async function addDomain(input: AddDomainInput, deps: AddDomainDeps): Promise<Domain> {
  const { tx, principal } = deps;
  const domain = await insertDomain(tx, {
    tenantId: principal.tenantId,
    id: deps.newId(),
    domain: input.domain,
    token: newChallengeToken(),
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
  if (!domain) {
    const existingId = await selectDomainIdByName(tx, principal.tenantId, input.domain);
    throw new ConflictError(`${input.domain} is already in this organization's domains.`, 'domain_exists', {
      existingId: existingId ?? null,
    });
  }
  await recordAudit(tx, deps.actor, {
    action: 'adminhub.domain.added',
    targetType: 'domain',
    targetId: domain.id,
    details: { domain: domain.domain },
  });
  return domain;
}
