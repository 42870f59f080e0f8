import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { expectedVersion } from '@halooid/shared/http/versioning';
import { customChanges, loadFields, validateCustom } from '../domain/custom-fields';
import { recomputeLeadScore } from '../domain/lead-scoring';
import { checkOwner, type Lead, leadSnapshot, selectLeadById, selectVisibleLead } from '../domain/leads';
import { diffFields, recordChange } from '../domain/record-changes';
import { visibilityOf } from '../domain/visibility';
import { customerconnectEvents } from '../events';
import type { UpdateLeadInput } from './schemas';

export type ChangeLeadDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'events'>;

const EDITABLE = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'companyName',
  'title',
  'website',
  'source',
  'status',
  'territory',
  'ownerId',
  'message',
  'tags',
] as const;

/**
 * PATCH a lead the caller may see, at the version they read (409 when stale).
 * `converted` is reached only through convert (422), and a converted lead's
 * status stays. A new owner is notified (lead.assigned); `ownerId: null`
 * leaves the lead unowned. The score is recomputed; the changed fields go to
 * the timeline and lead.updated.
 */
export async function changeLead(
  leadId: string,
  expected: { sent: number | undefined; ifMatch: string | undefined },
  input: Omit<UpdateLeadInput, 'version'>,
  deps: ChangeLeadDeps,
): Promise<Lead> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const visibility = await visibilityOf(tx, principal, 'lead');
  const current = await selectVisibleLead(tx, tenantId, leadId, visibility, { forUpdate: true });
  if (!current) throw new NotFoundError('Lead');
  // After the lookup: an invisible lead is a 404 whatever the body says.
  const version = expectedVersion(expected.sent, expected.ifMatch);
  if (current.version !== version)
    throw new ConflictError(
      `The lead changed since you read it (now version ${current.version}).`,
      'version_conflict',
    );
  if (input.status !== undefined && input.status !== current.status) {
    if (input.status === 'converted')
      throw new BusinessRuleError(
        'lead_convert_required',
        'A lead becomes converted only by converting it (POST …/convert).',
        [{ field: 'body.status', message: 'Convert the lead instead.', code: 'lead_convert_required' }],
      );
    if (current.status === 'converted')
      throw new BusinessRuleError('lead_converted', 'A converted lead keeps its status.', [
        { field: 'body.status', message: 'The lead is converted.', code: 'lead_converted' },
      ]);
  }
  if (input.ownerId && input.ownerId !== current.ownerId)
    await checkOwner(tx, tenantId, input.ownerId, 'body.ownerId');
  const custom =
    input.custom === undefined
      ? current.custom
      : validateCustom(await loadFields(tx, tenantId, 'lead'), input.custom, { current: current.custom });
  const after: Lead = { ...current, custom };
  for (const field of EDITABLE) {
    const value = input[field];
    if (value !== undefined) (after as Record<string, unknown>)[field] = value;
  }
  const changes = [...diffFields(current, after, [...EDITABLE]), ...customChanges(current.custom, custom)];
  if (changes.length === 0) return current;

  const { rowCount } = await tx.query(
    `update customerconnect.leads set
       first_name = $4, last_name = $5, email = $6, phone = $7, company_name = $8, title = $9, website = $10,
       source = $11, status = $12, territory = $13, owner_id = $14, message = $15, tags = $16, custom = $17::jsonb,
       version = version + 1, updated_at = now()
     where tenant_id = $1 and id = $2 and version = $3`,
    [
      tenantId,
      leadId,
      version,
      after.firstName,
      after.lastName,
      after.email,
      after.phone,
      after.companyName,
      after.title,
      after.website,
      after.source,
      after.status,
      after.territory,
      after.ownerId,
      after.message,
      after.tags,
      JSON.stringify(custom),
    ],
  );
  if (rowCount !== 1) throw new ConflictError('The lead changed since you read it.', 'version_conflict');
  await recomputeLeadScore(tx, tenantId, leadId);
  const updated = (await selectLeadById(tx, tenantId, leadId)) as Lead;
  const userId = principal.principalType === 'user' ? principal.principalId : null;
  await recordChange(tx, {
    tenantId,
    id: deps.newId(),
    recordType: 'lead',
    recordId: leadId,
    kind: 'updated',
    changes,
    changedBy: userId,
  });
  const names = changes.map((change) => change.field);
  await deps.events.record(customerconnectEvents, 'lead.updated', {
    lead: leadSnapshot(updated),
    changes: names,
  });
  if (updated.ownerId && updated.ownerId !== current.ownerId) {
    await deps.events.record(customerconnectEvents, 'lead.assigned', {
      lead: leadSnapshot(updated),
      ownerId: updated.ownerId,
      previousOwnerId: current.ownerId,
      ruleId: null,
    });
  }
  await recordAudit(tx, deps.actor, {
    action: 'lead.updated',
    targetType: 'lead',
    targetId: leadId,
    details: { changes: names },
  });
  return updated;
}
