import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError, ValidationError } from '@halooid/shared/errors';
import { customChanges, loadFields, validateCustom } from '../domain/custom-fields';
import { normalizeAmount, type OpportunityDetail, snapshotOf } from '../domain/opportunity';
import {
  assertOpportunityReferences,
  type OpportunityWriteDeps,
  replaceOpportunityContacts,
  selectOpportunityById,
  selectOpportunityContacts,
  selectVisibleOpportunity,
  withContacts,
} from '../domain/opportunity-repository';
import { diffFields, type FieldChange, recordChange } from '../domain/record-changes';
import { customerconnectEvents } from '../events';
import type { ChangeOpportunityInput } from './schemas';

const TRACKED = ['name', 'amount', 'currency', 'expectedCloseDate', 'ownerId', 'companyId', 'tags'] as const;

/**
 * PATCH: the opportunity read visible and locked (else 404), `version`
 * current (else 409), the merged record checked (amount and currency both or
 * neither: 400; company, contacts and owner exist for the caller: 422;
 * custom values), then written once with the timeline row (each changed
 * field before and after), `opportunity.updated` and the audit. A PATCH that
 * changes nothing writes nothing. The stage moves through POST …/stage.
 */
export async function changeOpportunity(
  opportunityId: string,
  version: number,
  input: Omit<ChangeOpportunityInput, 'version'>,
  deps: OpportunityWriteDeps,
): Promise<OpportunityDetail> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const current = await selectVisibleOpportunity(tx, principal, opportunityId, { forUpdate: true });
  if (!current) throw new NotFoundError('Opportunity');
  if (current.version !== version)
    throw new ConflictError(
      `The opportunity changed since you read it (version ${current.version}, not ${version}). Read it again.`,
      'version_conflict',
    );
  const before = { ...current, contacts: await selectOpportunityContacts(tx, tenantId, opportunityId) };
  const after = {
    ...before,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.amount !== undefined ? { amount: normalizeAmount(input.amount) } : {}),
    ...(input.currency !== undefined ? { currency: input.currency } : {}),
    ...(input.expectedCloseDate !== undefined ? { expectedCloseDate: input.expectedCloseDate } : {}),
    ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
    ...(input.companyId !== undefined ? { companyId: input.companyId } : {}),
    ...(input.tags !== undefined ? { tags: input.tags } : {}),
  };
  if ((after.amount === null) !== (after.currency === null))
    throw new ValidationError('Send amount and currency together (or neither).', [
      {
        field: after.amount === null ? 'body.amount' : 'body.currency',
        message: 'An amount needs its currency and a currency its amount.',
        code: 'money_incomplete',
      },
    ]);
  if (input.custom !== undefined)
    after.custom = validateCustom(await loadFields(tx, tenantId, 'opportunity'), input.custom, {
      current: before.custom,
    });
  const changes: FieldChange[] = [
    ...diffFields(before, after, [...TRACKED]),
    ...customChanges(before.custom, after.custom),
  ];
  const contacts = input.contacts;
  if (contacts !== undefined) {
    const key = (list: readonly { contactId: string; role: string }[]) =>
      JSON.stringify([...new Map(list.map((each) => [each.contactId, each.role]))].sort());
    if (key(contacts) !== key(before.contacts))
      changes.push({
        field: 'contacts',
        from: before.contacts.map(({ contactId, role }) => ({ contactId, role })),
        to: contacts,
      });
  }
  if (changes.length === 0) return before;
  const changed = new Set(changes.map((change) => change.field));
  await assertOpportunityReferences(tx, principal, {
    companyId: changed.has('companyId') ? after.companyId : null,
    contactIds: changed.has('contacts') ? (contacts ?? []).map((each) => each.contactId) : [],
    ownerId: changed.has('ownerId') ? after.ownerId : null,
  });
  await tx.query(
    `update customerconnect.opportunities
        set name = $3, amount = $4::numeric, currency = $5, expected_close_date = $6::date, owner_id = $7,
            company_id = $8, tags = $9, custom = $10::jsonb, version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2`,
    [
      tenantId,
      opportunityId,
      after.name,
      after.amount,
      after.currency,
      after.expectedCloseDate,
      after.ownerId,
      after.companyId,
      after.tags,
      JSON.stringify(after.custom),
    ],
  );
  if (changed.has('contacts')) await replaceOpportunityContacts(tx, tenantId, opportunityId, contacts ?? []);
  const updated = await withContacts(tx, await selectOpportunityById(tx, tenantId, opportunityId), tenantId);
  const userId = principal.principalType === 'user' ? principal.principalId : null;
  await recordChange(tx, {
    tenantId,
    id: deps.newId(),
    recordType: 'opportunity',
    recordId: opportunityId,
    kind: 'updated',
    changes,
    changedBy: userId,
  });
  const names = changes.map((change) => change.field);
  await deps.events.record(customerconnectEvents, 'opportunity.updated', {
    opportunity: snapshotOf(updated),
    changes: names,
  });
  await recordAudit(tx, deps.actor, {
    action: 'opportunity.updated',
    targetType: 'opportunity',
    targetId: opportunityId,
    details: { changes: names },
  });
  return updated;
}
