import { NotFoundError } from '@halooid/shared/errors';
import type { OperatorDeps } from '@halooid/shared/operator';
import { selectTenant } from './repository';
import type { OperatorTenant } from './schemas';

/** One tenant; the read is written into that tenant's audit log too, so its administrators see it. */
export async function getTenant(
  tenantId: string,
  deps: Pick<OperatorDeps, 'tx' | 'audit'>,
): Promise<OperatorTenant> {
  const tenant = await selectTenant(deps.tx, tenantId);
  if (!tenant) throw new NotFoundError('No such tenant.');
  await deps.audit({ action: 'adminhub.tenant.read', targetType: 'tenant', targetId: tenantId, tenantId });
  return tenant;
}
