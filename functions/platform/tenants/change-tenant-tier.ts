import { type AuditActor, bumpRbacVersion, recordAudit } from '@halooid/shared/audit';
import type { TenantScope, Tx } from '@halooid/shared/db/transaction';
import type { Tenant } from './schemas';
import { setCurrentTenantTier } from './tenant-repository';
import { getCurrentTenant } from './tenant-use-cases';

/**
 * Who may change a tier: the billing integration (a subscription changed) or
 * a Halooid operator (AdminHub's console). Never a tenant principal: no route
 * of the tenant API calls this, and the permission that would name it
 * (platform:billing:write) matches no tenant grant (shared/src/auth/permissions.ts).
 */
export type TierActor = AuditActor & {
  principal: { principalId: string; principalType: 'system' };
};

export interface ChangeTierDeps {
  transaction: <T>(scope: TenantScope, work: (tx: Tx) => Promise<T>) => Promise<T>;
}

/**
 * The billing port: sets a tenant's tier, audited in the tenant's log, and
 * bumps the RBAC version in the same transaction because the tier travels in
 * authorization decisions (the usage plan that throttles the tenant), so the
 * new limits apply within seconds. Used by the demo seed and tests today;
 * AdminHub's operator console and a billing webhook call it later.
 */
export async function changeTenantTier(
  deps: ChangeTierDeps,
  tenantId: string,
  tier: Tenant['tier'],
  actor: TierActor,
): Promise<Tenant> {
  return deps.transaction({ tenantId }, async (tx) => {
    const before = await getCurrentTenant(tx);
    if (before.tier === tier) return before;
    await setCurrentTenantTier(tx, tier);
    await bumpRbacVersion(tx);
    await recordAudit(tx, actor, {
      action: 'tenant.tier_changed',
      targetType: 'tenant',
      targetId: tenantId,
      details: { before: before.tier, after: tier },
    });
    return getCurrentTenant(tx);
  });
}
