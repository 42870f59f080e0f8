import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import {
  CONTACT_PLAIN_FIELDS,
  type Contact,
  type ContactEmail,
  type ContactPhone,
  withOnePrimary,
} from '../domain/contact';
import { replaceEmails, selectVisibleContact, updateContactRow } from '../domain/contact-repository';
import type { ContactWriteDeps } from '../domain/contact-writes';
import { customChanges } from '../domain/custom-fields';
import { completeMerge, fillMissing, lockMergePair, unionCustom, unionTags } from '../domain/merge';
import { diffFields } from '../domain/record-changes';
import { visibilityOf } from '../domain/visibility';
import { customerconnectEvents } from '../events';

/**
 * The survivor's emails after a merge: its own, then the other's it lacks.
 * It keeps its primary; with none of its own, the other's primary is primary.
 */
export function mergedEmails(
  survivor: readonly ContactEmail[],
  loser: readonly ContactEmail[],
): ContactEmail[] {
  const own = new Set(survivor.map((email) => email.email));
  const survivorHasPrimary = survivor.some((email) => email.primary);
  return withOnePrimary([
    ...survivor,
    ...loser
      .filter((email) => !own.has(email.email))
      .map((email) => ({ ...email, primary: !survivorHasPrimary && email.primary })),
  ]);
}

const digits = (number: string) => number.replace(/[^0-9+]/g, '');

/** Phones of both, the survivor's first and primary, each number once (compared by its digits). */
export function mergedPhones(
  survivor: readonly ContactPhone[],
  loser: readonly ContactPhone[],
): ContactPhone[] {
  const own = new Set(survivor.map((phone) => digits(phone.number)));
  const survivorHasPrimary = survivor.some((phone) => phone.primary);
  return withOnePrimary([
    ...survivor,
    ...loser
      .filter((phone) => !own.has(digits(phone.number)))
      .map((phone) => ({ ...phone, primary: !survivorHasPrimary && phone.primary })),
  ]);
}

/**
 * Merges `loserId` into `survivorId` (see domain/merge.ts for the shared
 * steps): the survivor keeps its values and fills its gaps from the loser;
 * emails, phones, tags and custom values combine; the loser's deal roles move
 * (a deal both were on keeps the survivor's role); activities and history move
 * in completeMerge; the loser becomes a tombstone. One transaction.
 */
export async function mergeContact(
  survivorId: string,
  loserId: string,
  deps: ContactWriteDeps,
): Promise<Contact> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const visibility = await visibilityOf(tx, principal, 'contact');
  await lockMergePair(tx, 'contact', tenantId, survivorId, loserId, visibility);
  const survivor = await selectVisibleContact(tx, tenantId, survivorId, visibility);
  const loser = await selectVisibleContact(tx, tenantId, loserId, visibility);
  if (!survivor || !loser) throw new NotFoundError('Contact');

  const { patch } = fillMissing(survivor, loser, ['firstName', 'title', 'companyId', 'address', 'ownerId']);
  const emails = mergedEmails(survivor.emails, loser.emails);
  const proposed: Contact = {
    ...survivor,
    ...patch,
    emails,
    primaryEmail: emails.find((email) => email.primary)?.email ?? null,
    phones: mergedPhones(survivor.phones, loser.phones),
    doNotContact: survivor.doNotContact || loser.doNotContact,
    tags: unionTags(survivor.tags, loser.tags),
    custom: unionCustom(survivor.custom, loser.custom),
  };
  const changes = [
    ...diffFields(survivor, proposed, CONTACT_PLAIN_FIELDS),
    ...customChanges(survivor.custom, proposed.custom),
  ];
  // The loser's emails move: off the tombstone (so no lookup finds it), onto the survivor.
  await tx.query('delete from customerconnect.contact_emails where tenant_id = $1 and contact_id = $2', [
    tenantId,
    loserId,
  ]);
  await replaceEmails(tx, tenantId, survivorId, emails);
  await updateContactRow(tx, tenantId, survivorId, proposed);
  await tx.query(
    `insert into customerconnect.opportunity_contacts (tenant_id, opportunity_id, contact_id, role)
     select tenant_id, opportunity_id, $2, role from customerconnect.opportunity_contacts
      where tenant_id = $1 and contact_id = $3
     on conflict do nothing`,
    [tenantId, survivorId, loserId],
  );
  await tx.query(
    'delete from customerconnect.opportunity_contacts where tenant_id = $1 and contact_id = $2',
    [tenantId, loserId],
  );
  const changedBy = principal.principalType === 'user' ? principal.principalId : null;
  await completeMerge(tx, 'contact', {
    tenantId,
    survivorId,
    loserId,
    changedBy,
    survivorChanges: changes,
    newId: deps.newId,
  });
  await deps.events.record(customerconnectEvents, 'contact.merged', { survivorId, mergedId: loserId });
  await recordAudit(tx, deps.actor, {
    action: 'contact.merged',
    targetType: 'contact',
    targetId: survivorId,
    details: { mergedId: loserId, changes: changes.map((change) => change.field) },
  });
  return (await selectVisibleContact(tx, tenantId, survivorId, { kind: 'all' })) as Contact;
}
