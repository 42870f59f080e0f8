import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { loadFields } from '../domain/custom-fields';
import { visibilityOf } from '../domain/visibility';
import { selectLeads } from './repository';
import type { ListLeadsQuery } from './schemas';

export type ListLeadsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the leads the caller may see (the tenant's visibility setting for leads applies). */
export async function listLeads(query: ListLeadsQuery, deps: ListLeadsDeps) {
  const { tx, principal } = deps;
  const [visibility, fields] = [
    await visibilityOf(tx, principal, 'lead'),
    await loadFields(tx, principal.tenantId, 'lead'),
  ];
  return selectLeads(tx, principal.tenantId, query, {
    visibility,
    userId: principal.principalType === 'user' ? principal.principalId : null,
    fields,
  });
}
