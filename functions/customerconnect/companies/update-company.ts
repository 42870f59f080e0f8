import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { COMPANY_PLAIN_FIELDS, type Company, companySnapshot } from '../domain/company';
import { assertDomainFree, assertOwnerInTenant, selectCompany } from '../domain/company-repository';
import { customChanges, loadFields, validateCustom } from '../domain/custom-fields';
import { diffFields, recordChange } from '../domain/record-changes';
import { visibilityOf } from '../domain/visibility';
import { customerconnectEvents } from '../events';
import { type CompanyFieldsRow, updateCompanyRow } from './repository';
import type { UpdateCompanyInput } from './schemas';

export type UpdateCompanyDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'events' | 'newId'>;

/**
 * PATCH: the company read and locked inside the caller's visibility (else
 * 404; a tombstone is a 422 `merged`, change its survivor), the sent fields
 * merged over the stored ones (`custom` key by key), written only if
 * `version` is still current (else 409), then a timeline row with each
 * changed field's before and after, `company.updated` naming the fields and
 * the audit record (field names only), in one transaction. A PATCH that
 * changes nothing writes nothing and keeps the version.
 */
export async function updateCompany(
  id: string,
  version: number,
  input: Omit<UpdateCompanyInput, 'version'>,
  deps: UpdateCompanyDeps,
): Promise<Company> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  const visibility = await visibilityOf(tx, principal, 'company');
  const current = await selectCompany(tx, tenantId, id, visibility, { forUpdate: true });
  if (!current) throw new NotFoundError('Company');
  if (current.mergedInto !== null)
    throw new BusinessRuleError(
      'merged',
      `This company was merged into ${current.mergedInto}; change that one instead.`,
    );
  if (current.version !== version)
    throw new ConflictError(
      `The company changed since you read it (version ${current.version}, not ${version}). Read it again.`,
      'version_conflict',
    );
  const { force, custom: customInput, ...plain } = input;
  const sent = Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined));
  const before: CompanyFieldsRow = {
    name: current.name,
    domain: current.domain,
    industry: current.industry,
    size: current.size,
    phone: current.phone,
    website: current.website,
    address: current.address,
    ownerId: current.ownerId,
    tags: current.tags,
    custom: current.custom,
  };
  const fields = await loadFields(tx, tenantId, 'company');
  const after: CompanyFieldsRow = {
    ...before,
    ...(sent as Partial<CompanyFieldsRow>),
    custom:
      customInput === undefined
        ? current.custom
        : validateCustom(fields, customInput, { current: current.custom }),
  };
  const changes = [
    ...diffFields(before, after, COMPANY_PLAIN_FIELDS),
    ...customChanges(before.custom, after.custom),
  ];
  if (changes.length === 0) return current;
  const changed = changes.map((change) => change.field);
  if (changed.includes('ownerId')) await assertOwnerInTenant(tx, after.ownerId, 'body.ownerId');
  if (changed.includes('domain') && after.domain && !force)
    await assertDomainFree(tx, tenantId, after.domain, visibility, id);
  const updated = await updateCompanyRow(tx, tenantId, id, version, after);
  if (!updated) throw new NotFoundError('Company');
  const userId = principal.principalType === 'user' ? principal.principalId : null;
  await recordChange(tx, {
    tenantId,
    recordType: 'company',
    recordId: id,
    kind: 'updated',
    changes,
    changedBy: userId,
    id: deps.newId(),
  });
  await deps.events.record(customerconnectEvents, 'company.updated', {
    company: companySnapshot(updated),
    changes: changed,
  });
  await recordAudit(tx, deps.actor, {
    action: 'company.updated',
    targetType: 'company',
    targetId: id,
    details: { changes: changed },
  });
  return updated;
}
