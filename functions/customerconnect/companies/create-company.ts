import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { type Company, normalizeDomain } from '../domain/company';
import { createCompanyRecord } from '../domain/company-repository';
import type { CreateCompanyInput } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type CreateCompanyDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'events' | 'newId'>;

/**
 * Adds a company owned by the caller unless `ownerId` says otherwise. Without
 * a `domain`, the website's host is the domain (the duplicate key). A live
 * company with the same domain is a 409 `duplicate_company` naming
 * `existingId`, unless `force`. `id` is the new company's, when an import made it already.
 */
export function createCompany(
  input: CreateCompanyInput,
  deps: CreateCompanyDeps,
  id?: string,
): Promise<Company> {
  const { force, ...fields } = input;
  const domain =
    fields.domain === undefined && fields.website ? normalizeDomain(fields.website) : fields.domain;
  return createCompanyRecord(deps, { ...fields, domain }, { force: force ?? false, ...(id ? { id } : {}) });
}
