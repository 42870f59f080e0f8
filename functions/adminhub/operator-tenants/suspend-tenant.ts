import { bumpRbacVersion } from '@halooid/shared/audit';
import { BusinessRuleError, NotFoundError } from '@halooid/shared/errors';
import type { OperatorDeps } from '@halooid/shared/operator';
import { adminhubEvents } from '../events';
import { lockTenant, selectTenant, setSuspension } from './repository';
import type { OperatorTenant, SuspendTenantInput } from './schemas';

/**
 * Suspends a tenant: its data stays, every request of it (people and API
 * keys) is refused by the authorizer once its caches see the bumped RBAC
 * version (about 2 s). Suspending a suspended tenant changes nothing and
 * records nothing new but the call.
 */
export async function suspendTenant(
  tenantId: string,
  input: SuspendTenantInput,
  deps: Pick<OperatorDeps, 'tx' | 'audit' | 'actOn'>,
): Promise<OperatorTenant> {
  const events = await deps.actOn(tenantId);
  const before = await lockTenant(deps.tx, tenantId);
  if (!before) throw new NotFoundError('No such tenant.');
  // Resuming would make it active: a disabled tenant is the platform's state, not the operator's.
  if (before.status === 'disabled') {
    throw new BusinessRuleError('tenant_disabled', 'This tenant is disabled; there is nothing to suspend.');
  }
  const changed = before.status !== 'suspended';
  if (changed) {
    await setSuspension(deps.tx, tenantId, input.reason);
    await bumpRbacVersion(deps.tx);
    await events.record(adminhubEvents, 'tenant.suspended', { tenantId, reason: input.reason });
  }
  await deps.audit({
    action: 'adminhub.tenant.suspended',
    targetType: 'tenant',
    targetId: tenantId,
    tenantId,
    details: { reason: input.reason, before: before.status, changed },
  });
  return (await selectTenant(deps.tx, tenantId)) as OperatorTenant;
}
