import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectCompany } from './repository';
import type { Company } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type GetCompanyDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One company of the caller's tenant; anything else (another tenant's, a deleted one) is a 404. */
export async function getCompany(id: string, deps: GetCompanyDeps): Promise<Company> {
  const company = await selectCompany(deps.tx, deps.principal.tenantId, id);
  if (!company) throw new NotFoundError('Company');
  return company;
}
