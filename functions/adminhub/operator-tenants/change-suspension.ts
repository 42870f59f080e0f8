import { bumpRbacVersion } from '@halooid/shared/audit';
import { BusinessRuleError, NotFoundError } from '@halooid/shared/errors';
import type { OperatorDeps } from '@halooid/shared/operator';
import { adminhubEvents } from '../events';
import { lockTenant, selectTenant, setSuspension } from './repository';
import type { OperatorTenant } from './schemas';

/**
 * Suspends (`reason` given) or resumes (`reason` null) a tenant, the one flow
 * both routes share: the tenant locked, a disabled one refused (that is the
 * platform's state, not the operator's), the change made only when the
 * status differs (RBAC version bumped so the authorizer sees it within its
 * cache bound, event recorded), and the call audited either way.
 */
export async function changeSuspension(
  tenantId: string,
  reason: string | null,
  deps: Pick<OperatorDeps, 'tx' | 'audit' | 'actOn'>,
  disabledDetail: string,
): Promise<OperatorTenant> {
  const suspend = reason !== null;
  const events = await deps.actOn(tenantId);
  const before = await lockTenant(deps.tx, tenantId);
  if (!before) throw new NotFoundError('No such tenant.');
  if (before.status === 'disabled') throw new BusinessRuleError('tenant_disabled', disabledDetail);
  const changed = suspend ? before.status !== 'suspended' : before.status === 'suspended';
  if (changed) {
    await setSuspension(deps.tx, tenantId, reason);
    await bumpRbacVersion(deps.tx);
    if (suspend) await events.record(adminhubEvents, 'tenant.suspended', { tenantId, reason });
    else await events.record(adminhubEvents, 'tenant.resumed', { tenantId });
  }
  await deps.audit({
    action: suspend ? 'adminhub.tenant.suspended' : 'adminhub.tenant.resumed',
    targetType: 'tenant',
    targetId: tenantId,
    tenantId,
    details: suspend ? { reason, before: before.status, changed } : { before: before.status, changed },
  });
  return (await selectTenant(deps.tx, tenantId)) as OperatorTenant;
}
