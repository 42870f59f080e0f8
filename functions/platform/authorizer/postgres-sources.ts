import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { tenantState } from '@halooid/shared/tenancy';
import { grantsInTenant } from '../../system-roles';
import type { AccessSources } from './access-cache';

/**
 * Where the authorizer reads tenants and grants from on a cache miss: Postgres,
 * inside a tenant transaction as `halooid_app`, so RLS applies to it too. A
 * full miss (a new instance, or a tenant whose version went stale) reads the
 * tenant and the user's grants in one transaction: one round trip to start it,
 * two statements, one commit, instead of two transactions.
 */
export function postgresAccessSources(): Omit<AccessSources, 'verifyKey'> {
  return {
    loadTenant: (tenantId) => withTenantTransaction({ tenantId }, (tx) => tenantState(tx)),
    loadGrants: (userId, tenantId) =>
      withTenantTransaction({ tenantId, userId }, (tx) => grantsInTenant(tx, userId)),
    loadMembership: (userId, tenantId) =>
      withTenantTransaction({ tenantId, userId }, async (tx) => {
        const tenant = await tenantState(tx);
        return { tenant, grants: tenant && (await grantsInTenant(tx, userId)) };
      }),
  };
}
