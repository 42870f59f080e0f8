import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectOrganization } from './repository';
import type { Organization } from './schemas';

export type GetOrganizationDeps = Pick<RequestDeps, 'tx'>;

/** The caller's tenant as its administrators see it. */
export async function getOrganization(deps: GetOrganizationDeps): Promise<Organization> {
  const organization = await selectOrganization(deps.tx);
  if (!organization) throw new NotFoundError('Organization');
  return organization;
}
