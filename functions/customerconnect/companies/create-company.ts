import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { insertCompany } from './repository';
import type { Company, CreateCompanyInput } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type CreateCompanyDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId'>;

/** Adds a company to the caller's tenant; an API key's company has no user as its creator. */
export function createCompany(input: CreateCompanyInput, deps: CreateCompanyDeps): Promise<Company> {
  const { principal } = deps;
  return insertCompany(deps.tx, {
    ...input,
    tenantId: principal.tenantId,
    id: deps.newId(),
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
}
