import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { loadFields } from '../domain/custom-fields';
import { visibilityOf } from '../domain/visibility';
import { type CompanyListFilters, selectCompanies } from './repository';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type ListCompaniesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the live companies the caller may see (domain/visibility.ts), filtered and sorted. */
export async function listCompanies(
  query: CompanyListFilters & { limit: number; cursor?: string | undefined },
  deps: ListCompaniesDeps,
) {
  const { tx, principal } = deps;
  const [visibility, fields] = [
    await visibilityOf(tx, principal, 'company'),
    await loadFields(tx, principal.tenantId, 'company'),
  ];
  return selectCompanies(
    tx,
    {
      tenantId: principal.tenantId,
      userId: principal.principalType === 'user' ? principal.principalId : null,
      visibility,
      fields,
    },
    query,
  );
}
