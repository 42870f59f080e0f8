import { recordAudit } from '@halooid/shared/audit';
import { AppError, BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { expectedVersion } from '@halooid/shared/http/versioning';
import { isActiveMember } from '@halooid/shared/tenancy';
import { customerconnectEvents } from '../events';
import {
  CONTACT_PLAIN_FIELDS,
  type Contact,
  type ContactChanges,
  type ContactEmail,
  type ContactPhone,
  type CreateContactInput,
  contactSnapshot,
  withOnePrimary,
} from './contact';
import {
  type ContactRecord,
  findEmailOwners,
  insertContact,
  insertContacts,
  insertCreatedChanges,
  isVisibleCompany,
  replaceEmails,
  selectVisibleContact,
  updateContactRow,
} from './contact-repository';
import { type CompiledFields, customChanges, loadFields, validateCustom } from './custom-fields';
import { diffFields, recordChange } from './record-changes';
import { type Visibility, visibilitiesOf } from './visibility';

/**
 * Creating and changing a contact: the one path POST /contacts, PATCH, the
 * CSV import and lead conversion share, so each write checks the same rules
 * (company visible, owner a member, custom fields, duplicate emails) and
 * leaves the same traces (timeline row, event, audit record).
 */
export type ContactWriteDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'events'>;

/**
 * What a batch of writes (an import) reads once instead of per row; a single
 * write loads it itself (contactWriteContext).
 */
export interface ContactWriteContext {
  contactVisibility: Visibility;
  companyVisibility: Visibility;
  fields: CompiledFields;
  /** Checked company and owner ids (true: allowed), so an import of 5,000 rows asks once per id. */
  checked: Map<string, boolean>;
}

export async function contactWriteContext(
  deps: Pick<RequestDeps, 'tx' | 'principal'>,
): Promise<ContactWriteContext> {
  const { tx, principal } = deps;
  const visibility = await visibilitiesOf(tx, principal);
  return {
    contactVisibility: visibility('contact'),
    companyVisibility: visibility('company'),
    fields: await loadFields(tx, principal.tenantId, 'contact'),
    checked: new Map(),
  };
}

const callerUserId = (deps: Pick<RequestDeps, 'principal'>) =>
  deps.principal.principalType === 'user' ? deps.principal.principalId : null;

async function assertCompany(deps: ContactWriteDeps, context: ContactWriteContext, companyId: string | null) {
  if (companyId === null) return;
  const key = `company:${companyId}`;
  let ok = context.checked.get(key);
  if (ok === undefined) {
    ok = await isVisibleCompany(deps.tx, deps.principal.tenantId, companyId, context.companyVisibility);
    context.checked.set(key, ok);
  }
  if (!ok)
    throw new BusinessRuleError('company_not_found', 'The company does not exist or you cannot see it.', [
      { field: 'body.companyId', message: 'No such company.', code: 'company_not_found' },
    ]);
}

async function assertOwner(deps: ContactWriteDeps, context: ContactWriteContext, ownerId: string | null) {
  if (ownerId === null || ownerId === callerUserId(deps)) return;
  const key = `owner:${ownerId}`;
  let ok = context.checked.get(key);
  if (ok === undefined) {
    ok = await isActiveMember(deps.tx, ownerId);
    context.checked.set(key, ok);
  }
  if (!ok)
    throw new BusinessRuleError('owner_not_member', 'The owner must be an active user of this workspace.', [
      { field: 'body.ownerId', message: 'Not an active user here.', code: 'owner_not_member' },
    ]);
}

/**
 * 409 `duplicate_contact` when another live contact holds one of `emails`:
 * the problem names it (`existingId`, and the `email`) when the caller may
 * see it; otherwise it says only that a contact they cannot see has it.
 */
async function assertNoDuplicate(
  deps: ContactWriteDeps,
  context: ContactWriteContext,
  emails: readonly ContactEmail[],
  exceptId?: string,
) {
  const owners = await findEmailOwners(
    deps.tx,
    deps.principal.tenantId,
    emails.map((email) => email.email),
    context.contactVisibility,
    exceptId,
  );
  const existing = owners[0];
  if (!existing) return;
  if (existing.visible)
    throw new ConflictError(
      `Contact ${existing.contactId} already has the email ${existing.email}; open it, merge, or send force: true.`,
      'duplicate_contact',
      { existingId: existing.contactId, email: existing.email },
    );
  throw new ConflictError(
    `A contact you cannot see already has the email ${existing.email}; ask its owner, or send force: true.`,
    'duplicate_contact',
    { email: existing.email },
  );
}

const emailsOf = (input: CreateContactInput['emails']): ContactEmail[] => withOnePrimary(input ?? []);
const phonesOf = (input: CreateContactInput['phones']): ContactPhone[] => withOnePrimary(input ?? []);

/** The stored fields of a create, after its checks (custom fields, company, owner, duplicates unless `force`). */
async function checkedRecord(
  input: CreateContactInput,
  deps: ContactWriteDeps,
  ctx: ContactWriteContext,
): Promise<ContactRecord> {
  const record: ContactRecord = {
    firstName: input.firstName ?? null,
    lastName: input.lastName,
    title: input.title ?? null,
    companyId: input.companyId ?? null,
    emails: emailsOf(input.emails),
    phones: phonesOf(input.phones),
    lifecycleStage: input.lifecycleStage ?? 'lead',
    doNotContact: input.doNotContact ?? false,
    address: input.address ?? null,
    ownerId: input.ownerId === undefined ? callerUserId(deps) : input.ownerId,
    tags: input.tags ?? [],
    custom: validateCustom(ctx.fields, input.custom),
  };
  await assertCompany(deps, ctx, record.companyId);
  await assertOwner(deps, ctx, record.ownerId);
  if (!input.force) await assertNoDuplicate(deps, ctx, record.emails);
  return record;
}

/**
 * Creates a contact: company visible (422), owner a member (422, default the
 * caller), custom fields valid (400), no other contact with one of its emails
 * (409, unless `force`). Writes the `created` timeline row, `contact.created`
 * and the audit record. `options.id` gives the new contact's id (an import
 * makes ids ahead).
 */
export async function createContact(
  input: CreateContactInput,
  deps: ContactWriteDeps,
  context?: ContactWriteContext,
  options: { id?: string } = {},
): Promise<Contact> {
  const ctx = context ?? (await contactWriteContext(deps));
  const { tx, principal } = deps;
  const record = await checkedRecord(input, deps, ctx);
  const contact = await insertContact(tx, {
    ...record,
    tenantId: principal.tenantId,
    id: options.id ?? deps.newId(),
    createdBy: callerUserId(deps),
  });
  await recordChange(tx, {
    tenantId: principal.tenantId,
    recordType: 'contact',
    recordId: contact.id,
    kind: 'created',
    changes: [],
    changedBy: callerUserId(deps),
    id: deps.newId(),
  });
  await deps.events.record(customerconnectEvents, 'contact.created', { contact: contactSnapshot(contact) });
  await recordAudit(tx, deps.actor, {
    action: 'contact.created',
    targetType: 'contact',
    targetId: contact.id,
    details: { forced: input.force === true },
  });
  return contact;
}

/**
 * Many creates at once (an import): each item checked as createContact
 * checks it (its refusal returned in its place, the others written), then
 * all written in a few statements: the contacts, their emails, their
 * `created` timeline rows, one `contact.created` event each, and one audit
 * record naming them all.
 */
export async function createContacts(
  items: readonly { input: CreateContactInput; id: string }[],
  deps: ContactWriteDeps,
  context: ContactWriteContext,
): Promise<(AppError | undefined)[]> {
  const { tx, principal } = deps;
  const errors: (AppError | undefined)[] = [];
  const records: (ContactRecord & { id: string })[] = [];
  for (const { input, id } of items) {
    try {
      records.push({ ...(await checkedRecord(input, deps, context)), id });
      errors.push(undefined);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(error);
    }
  }
  if (records.length === 0) return errors;
  const createdBy = callerUserId(deps);
  await insertContacts(tx, principal.tenantId, createdBy, records);
  await insertCreatedChanges(
    tx,
    principal.tenantId,
    createdBy,
    records.map((record) => ({ id: deps.newId(), contactId: record.id })),
  );
  await deps.events.recordAll(
    customerconnectEvents,
    records.map((record) => ({
      type: 'contact.created' as const,
      data: {
        contact: {
          id: record.id,
          firstName: record.firstName,
          lastName: record.lastName,
          primaryEmail: record.emails.find((email) => email.primary)?.email ?? null,
          companyId: record.companyId,
          lifecycleStage: record.lifecycleStage,
          ownerId: record.ownerId,
        },
      },
    })),
  );
  await recordAudit(tx, deps.actor, {
    action: 'contact.imported',
    targetType: 'contact',
    details: { count: records.length, ids: records.map((record) => record.id) },
  });
  return errors;
}

/**
 * Changes a visible, live contact. `version` is the one the caller last read
 * (409 when stale; null skips the check, for an import's `update`; the
 * request's body `version` and If-Match are read after the 404 check); emails
 * and phones given replace the lists; custom values merge (null clears).
 * Writes an `updated` timeline row with the changed fields and
 * `contact.updated` when anything changed, and the audit record.
 */
export async function changeContact(
  id: string,
  version: number | null | { sent: number | undefined; ifMatch: string | undefined },
  changes: ContactChanges,
  deps: ContactWriteDeps,
  context?: ContactWriteContext,
): Promise<Contact> {
  const ctx = context ?? (await contactWriteContext(deps));
  const { tx, principal } = deps;
  const current = await selectVisibleContact(tx, principal.tenantId, id, ctx.contactVisibility, {
    forUpdate: true,
  });
  if (!current) throw new NotFoundError('Contact');
  if (current.mergedInto)
    throw new BusinessRuleError(
      'already_merged',
      `This contact was merged into ${current.mergedInto}; change that one instead.`,
    );
  // Read from the request only now: a contact the caller cannot see is a 404 before any 400 about its version.
  const expected =
    version !== null && typeof version === 'object'
      ? expectedVersion(version.sent, version.ifMatch)
      : version;
  if (expected !== null && current.version !== expected)
    throw new ConflictError(
      `The contact changed since you read it (now version ${current.version}); reload and try again.`,
      'version_conflict',
    );
  const custom =
    changes.custom === undefined
      ? current.custom
      : validateCustom(ctx.fields, changes.custom, { current: current.custom });
  const emails = changes.emails === undefined ? current.emails : emailsOf(changes.emails);
  const next: ContactRecord = {
    firstName: changes.firstName === undefined ? current.firstName : changes.firstName,
    lastName: changes.lastName ?? current.lastName,
    title: changes.title === undefined ? current.title : changes.title,
    companyId: changes.companyId === undefined ? current.companyId : changes.companyId,
    emails,
    phones: changes.phones === undefined ? current.phones : phonesOf(changes.phones),
    lifecycleStage: changes.lifecycleStage ?? current.lifecycleStage,
    doNotContact: changes.doNotContact ?? current.doNotContact,
    address: changes.address === undefined ? current.address : changes.address,
    ownerId: changes.ownerId === undefined ? current.ownerId : changes.ownerId,
    tags: changes.tags ?? current.tags,
    custom,
  };
  if (next.companyId !== current.companyId) await assertCompany(deps, ctx, next.companyId);
  if (next.ownerId !== current.ownerId) await assertOwner(deps, ctx, next.ownerId);
  const known = new Set(current.emails.map((email) => email.email));
  const added = emails.filter((email) => !known.has(email.email));
  if (!changes.force && added.length > 0) await assertNoDuplicate(deps, ctx, added, id);

  const proposed: Contact = {
    ...current,
    ...next,
    emails: [...next.emails],
    phones: [...next.phones],
    tags: [...next.tags],
    primaryEmail: emails.find((email) => email.primary)?.email ?? null,
  };
  const fieldChanges = [
    ...diffFields(current, proposed, CONTACT_PLAIN_FIELDS),
    ...customChanges(current.custom, custom),
  ];
  if (fieldChanges.length === 0) return current;
  if (changes.emails !== undefined && fieldChanges.some((change) => change.field === 'emails'))
    await replaceEmails(tx, principal.tenantId, id, emails);
  const updated = await updateContactRow(tx, principal.tenantId, id, next);
  await recordChange(tx, {
    tenantId: principal.tenantId,
    recordType: 'contact',
    recordId: id,
    kind: 'updated',
    changes: fieldChanges,
    changedBy: callerUserId(deps),
    id: deps.newId(),
  });
  await deps.events.record(customerconnectEvents, 'contact.updated', {
    contact: contactSnapshot(updated),
    changes: fieldChanges.map((change) => change.field),
  });
  await recordAudit(tx, deps.actor, {
    action: 'contact.updated',
    targetType: 'contact',
    targetId: id,
    details: { changes: fieldChanges.map((change) => change.field) },
  });
  return updated;
}
