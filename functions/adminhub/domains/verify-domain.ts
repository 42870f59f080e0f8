import { recordAudit } from '@halooid/shared/audit';
import { sqlState, UNIQUE_VIOLATION } from '@halooid/shared/db/errors';
import { BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { InTenant } from '@halooid/shared/http/request-deps';
import { adminhubEvents } from '../events';
import { markChecked, selectDomain } from './repository';
import type { Domain } from './schemas';
import type { TxtResolver } from './txt-resolver';

export interface VerifyDomainDeps {
  inTenant: InTenant;
  resolver: TxtResolver;
}

/** Does any TXT record of the name say exactly the challenge? A long record comes as several strings. */
export function hasChallenge(records: readonly (readonly string[])[], expected: string): boolean {
  return records.some((chunks) => chunks.join('').trim() === expected);
}

/**
 * Checks the domain's TXT challenge. The DNS lookup runs between two
 * transactions, never inside one (no connection held while DNS answers).
 * Found: the domain is verified, audited, and `adminhub.domain.verified`
 * emitted. A domain another tenant has verified is a 409 (the unique index
 * across tenants decides, so two tenants verifying at once cannot both win).
 * Not found: a 422 saying what to publish; the check is still recorded and
 * audited. Verifying a verified domain answers it as it is.
 */
export async function verifyDomain(domainId: string, deps: VerifyDomainDeps): Promise<Domain> {
  const domain = await deps.inTenant(({ tx, principal }) => selectDomain(tx, principal.tenantId, domainId));
  if (!domain) throw new NotFoundError('Domain');
  if (domain.status === 'verified') return domain;

  let records: string[][];
  try {
    records = await deps.resolver.resolveTxt(domain.domain);
  } catch {
    throw new BusinessRuleError(
      'dns_lookup_failed',
      `DNS did not answer for ${domain.domain}; try again in a minute.`,
    );
  }
  const verified = hasChallenge(records, domain.txtRecord.value);

  const checked = await deps.inTenant(async ({ tx, principal, actor, events }) => {
    let row: Domain | undefined;
    try {
      row = await markChecked(tx, principal.tenantId, domainId, verified);
    } catch (error) {
      if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
      throw new ConflictError(`${domain.domain} is verified by another organization.`, 'domain_taken');
    }
    if (!row) throw new NotFoundError('Domain');
    await recordAudit(tx, actor, {
      action: verified ? 'adminhub.domain.verified' : 'adminhub.domain.verification_failed',
      targetType: 'domain',
      targetId: domainId,
      details: { domain: domain.domain, txtRecordsFound: records.length },
    });
    if (verified) await events.record(adminhubEvents, 'domain.verified', { domainId, domain: domain.domain });
    return row;
  });
  if (!verified) {
    throw new BusinessRuleError(
      'verification_failed',
      `No TXT record "${domain.txtRecord.value}" found at ${domain.domain}. Publish it at your DNS provider; DNS changes can take a while to be seen.`,
    );
  }
  return checked;
}
