import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { ListContactsQuery } from '../domain/contact';
import { selectContacts } from '../domain/contact-repository';
import { loadFields } from '../domain/custom-fields';
import { visibilityOf } from '../domain/visibility';

export type ListContactsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the live contacts the caller can see, filtered and sorted (custom fields too). */
export async function listContacts(query: ListContactsQuery, deps: ListContactsDeps) {
  const { tx, principal } = deps;
  const visibility = await visibilityOf(tx, principal, 'contact');
  const fields = await loadFields(tx, principal.tenantId, 'contact');
  const callerId = principal.principalType === 'user' ? principal.principalId : null;
  return selectContacts(tx, principal.tenantId, callerId, visibility, fields, query);
}
