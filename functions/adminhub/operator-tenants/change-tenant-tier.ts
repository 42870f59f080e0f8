import { bumpRbacVersion } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import type { OperatorDeps } from '@halooid/shared/operator';
import { adminhubEvents } from '../events';
import { lockTenant, selectTenant, setTier } from './repository';
import type { ChangeTenantTierInput, OperatorTenant } from './schemas';

/**
 * Moves a tenant to another tier, as the platform's billing port does
 * (functions/platform/tenants/change-tenant-tier.ts): the tier travels in
 * authorization decisions (usageIdentifierKey and the tier the gateway's
 * usage plan is chosen by), so the RBAC version is bumped and the new limits
 * apply within seconds.
 */
export async function changeTenantTier(
  tenantId: string,
  input: ChangeTenantTierInput,
  deps: Pick<OperatorDeps, 'tx' | 'audit' | 'actOn'>,
): Promise<OperatorTenant> {
  const events = await deps.actOn(tenantId);
  const before = await lockTenant(deps.tx, tenantId);
  if (!before) throw new NotFoundError('No such tenant.');
  const changed = before.tier !== input.tier;
  if (changed) {
    await setTier(deps.tx, tenantId, input.tier);
    await bumpRbacVersion(deps.tx);
    await events.record(adminhubEvents, 'tenant.tier_changed', {
      tenantId,
      from: before.tier,
      to: input.tier,
    });
  }
  await deps.audit({
    action: 'adminhub.tenant.tier_changed',
    targetType: 'tenant',
    targetId: tenantId,
    tenantId,
    details: { before: before.tier, after: input.tier, changed },
  });
  return (await selectTenant(deps.tx, tenantId)) as OperatorTenant;
}
