import { bumpRbacVersion } from '@halooid/shared/audit';
import { BusinessRuleError, NotFoundError } from '@halooid/shared/errors';
import type { OperatorDeps } from '@halooid/shared/operator';
import { adminhubEvents } from '../events';
import { lockTenant, selectTenant, setSuspension } from './repository';
import type { OperatorTenant } from './schemas';

/**
 * Lifts a suspension: requests work again within the authorizer's cache
 * bound. Only a suspended tenant can be resumed (a disabled one is the
 * platform's own state, not the operator's); an active one is left as is.
 */
export async function resumeTenant(
  tenantId: string,
  deps: Pick<OperatorDeps, 'tx' | 'audit' | 'actOn'>,
): Promise<OperatorTenant> {
  const events = await deps.actOn(tenantId);
  const before = await lockTenant(deps.tx, tenantId);
  if (!before) throw new NotFoundError('No such tenant.');
  if (before.status === 'disabled') {
    throw new BusinessRuleError(
      'tenant_disabled',
      'This tenant is disabled, not suspended; resume does not apply.',
    );
  }
  const changed = before.status === 'suspended';
  if (changed) {
    await setSuspension(deps.tx, tenantId, null);
    await bumpRbacVersion(deps.tx);
    await events.record(adminhubEvents, 'tenant.resumed', { tenantId });
  }
  await deps.audit({
    action: 'adminhub.tenant.resumed',
    targetType: 'tenant',
    targetId: tenantId,
    tenantId,
    details: { before: before.status, changed },
  });
  return (await selectTenant(deps.tx, tenantId)) as OperatorTenant;
}
