import type { OperatorDeps } from '@halooid/shared/operator';
import { TIER_LIMITS } from '@halooid/shared/tiers';
import { selectTopTenants } from './repository';
import type { TopTenants, TopTenantsQuery } from './schemas';

/**
 * The tenants that made the most requests over the last `days` UTC days,
 * with their tier's quota. The listing is an audited operator call; no
 * single tenant is read, so nothing goes into a tenant's own audit log.
 */
export async function listTopTenants(
  query: TopTenantsQuery,
  deps: Pick<OperatorDeps, 'tx' | 'audit' | 'now'>,
): Promise<TopTenants> {
  const today = deps.now().toISOString().slice(0, 10);
  const from = new Date(Date.parse(today) - (query.days - 1) * 86_400_000);
  const rows = await selectTopTenants(deps.tx, from, query.limit);
  await deps.audit({
    action: 'adminhub.usage.top_tenants_listed',
    targetType: 'tenant',
    details: { days: query.days, returned: rows.length },
  });
  return {
    from: from.toISOString().slice(0, 10),
    to: today,
    items: rows.map((row) => {
      const { quotaPerDay } = TIER_LIMITS[row.tier];
      return {
        tenantId: row.tenant_id,
        name: row.name,
        slug: row.slug,
        tier: row.tier,
        status: row.status,
        requests: row.requests,
        errors: row.errors,
        clientErrors: row.client_errors,
        quotaPerDay,
        quotaUsed: Math.round((row.requests / (query.days * quotaPerDay)) * 10_000) / 10_000,
      };
    }),
  };
}
