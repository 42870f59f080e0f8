import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { Contact } from '../domain/contact';
import { selectVisibleContact } from '../domain/contact-repository';
import { resolveTombstone } from '../domain/merge';
import { visibilityOf } from '../domain/visibility';

export type GetContactDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * One contact inside the caller's visibility; anything else is a 404. The id
 * of a merged contact (a tombstone) answers with its survivor, read through
 * the same visibility rule; `resolvedFrom` tells the handler to say so.
 */
export async function getContact(
  id: string,
  deps: GetContactDeps,
): Promise<{ contact: Contact; resolvedFrom?: string }> {
  const { tx, principal } = deps;
  const visibility = await visibilityOf(tx, principal, 'contact');
  const survivorId = await resolveTombstone(tx, 'contact', principal.tenantId, id);
  const contact = await selectVisibleContact(tx, principal.tenantId, survivorId ?? id, visibility);
  if (!contact || contact.mergedInto) throw new NotFoundError('Contact');
  return survivorId ? { contact, resolvedFrom: id } : { contact };
}
