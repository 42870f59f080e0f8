import type { OperatorDeps } from '@halooid/shared/operator';
import { selectTenants } from './repository';
import type { ListOperatorTenantsQuery } from './schemas';

/** One page of the platform's tenants; the listing itself is an audited operator call. */
export async function listTenants(query: ListOperatorTenantsQuery, deps: Pick<OperatorDeps, 'tx' | 'audit'>) {
  const page = await selectTenants(deps.tx, query);
  await deps.audit({
    action: 'adminhub.tenant.listed',
    targetType: 'tenant',
    details: {
      status: query.status ?? null,
      tier: query.tier ?? null,
      q: query.q ?? null,
      returned: page.items.length,
    },
  });
  return page;
}
