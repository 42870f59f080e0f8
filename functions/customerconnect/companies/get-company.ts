import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { Company } from '../domain/company';
import { selectCompany } from '../domain/company-repository';
import { resolveTombstone } from '../domain/merge';
import { visibilityOf } from '../domain/visibility';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type GetCompanyDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * One company the caller may see. A merged company's id answers with its
 * survivor (`resolvedFrom` says which id was asked for, so the route can name
 * the survivor in Content-Location); a company outside the caller's
 * visibility, another tenant's, or none is a 404.
 */
export async function getCompany(
  id: string,
  deps: GetCompanyDeps,
): Promise<{ company: Company; resolvedFrom: string | null }> {
  const { tx, principal } = deps;
  const visibility = await visibilityOf(tx, principal, 'company');
  const company = await selectCompany(tx, principal.tenantId, id, visibility);
  if (!company) throw new NotFoundError('Company');
  if (company.mergedInto === null) return { company, resolvedFrom: null };
  const survivorId = await resolveTombstone(tx, 'company', principal.tenantId, id);
  const survivor = survivorId
    ? await selectCompany(tx, principal.tenantId, survivorId, visibility)
    : undefined;
  if (!survivor || survivor.mergedInto !== null) throw new NotFoundError('Company');
  return { company: survivor, resolvedFrom: id };
}
