import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { Company } from '../domain/company';
import { selectCompany } from '../domain/company-repository';
import { customChanges } from '../domain/custom-fields';
import { completeMerge, fillMissing, lockMergePair, unionCustom, unionTags } from '../domain/merge';
import { diffFields } from '../domain/record-changes';
import { visibilityOf } from '../domain/visibility';
import { customerconnectEvents } from '../events';
import { type CompanyFieldsRow, moveCompanyChildren, updateCompanyRow } from './repository';

export type MergeCompaniesDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'events' | 'newId'>;

/** The fields a survivor takes from the loser when it has none of its own. */
const FILLED = ['domain', 'industry', 'size', 'phone', 'website', 'address', 'ownerId'] as const;

function fieldsOf(company: Company): CompanyFieldsRow {
  return {
    name: company.name,
    domain: company.domain,
    industry: company.industry,
    size: company.size,
    phone: company.phone,
    website: company.website,
    address: company.address,
    ownerId: company.ownerId,
    tags: company.tags,
    custom: company.custom,
  };
}

/**
 * Merges company `mergeId` (the loser) into `survivorId`, in one transaction
 * (domain/merge.ts does the shared steps): both locked in id order and inside
 * the caller's visibility (else 404), a self-merge or a tombstone a 422; the
 * survivor keeps its own values and takes the loser's where it has none, tags
 * and custom values are united (the survivor's value wins a shared key); the
 * loser's contacts, opportunities, activity links and timeline move to the
 * survivor; the loser becomes a tombstone; `company.merged` and the audit.
 */
export async function mergeCompanies(
  survivorId: string,
  mergeId: string,
  deps: MergeCompaniesDeps,
): Promise<Company> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  const visibility = await visibilityOf(tx, principal, 'company');
  await lockMergePair(tx, 'company', tenantId, survivorId, mergeId, visibility);
  const [survivor, loser] = [
    await selectCompany(tx, tenantId, survivorId, visibility),
    await selectCompany(tx, tenantId, mergeId, visibility),
  ];
  if (!survivor || !loser) throw new NotFoundError('Company');
  const before = fieldsOf(survivor);
  const filled = fillMissing(before, fieldsOf(loser), FILLED);
  const after: CompanyFieldsRow = {
    ...before,
    ...filled.patch,
    tags: unionTags(survivor.tags, loser.tags),
    custom: unionCustom(survivor.custom, loser.custom),
  };
  const survivorChanges = [
    ...diffFields(before, after, [...FILLED, 'tags']),
    ...customChanges(before.custom, after.custom),
  ];
  const updated = await updateCompanyRow(tx, tenantId, survivorId, survivor.version, after);
  if (!updated) throw new NotFoundError('Company');
  const moved = await moveCompanyChildren(tx, tenantId, survivorId, mergeId);
  await completeMerge(tx, 'company', {
    tenantId,
    survivorId,
    loserId: mergeId,
    changedBy: principal.principalType === 'user' ? principal.principalId : null,
    survivorChanges,
    newId: deps.newId,
  });
  await deps.events.record(customerconnectEvents, 'company.merged', { survivorId, mergedId: mergeId });
  await recordAudit(tx, deps.actor, {
    action: 'company.merged',
    targetType: 'company',
    targetId: survivorId,
    details: {
      mergedId: mergeId,
      movedContacts: moved.contacts,
      movedOpportunities: moved.opportunities,
      changes: survivorChanges.map((change) => change.field),
    },
  });
  return updated;
}
