import type { OperatorDeps } from '@halooid/shared/operator';
import { changeSuspension } from './change-suspension';
import type { OperatorTenant, SuspendTenantInput } from './schemas';

/**
 * Suspends a tenant: its data stays, every request of it (people and API
 * keys) is refused by the authorizer once its caches see the bumped RBAC
 * version (about 2 s). Suspending a suspended tenant changes nothing and
 * records nothing new but the call.
 */
export function suspendTenant(
  tenantId: string,
  input: SuspendTenantInput,
  deps: Pick<OperatorDeps, 'tx' | 'audit' | 'actOn'>,
): Promise<OperatorTenant> {
  return changeSuspension(
    tenantId,
    input.reason,
    deps,
    'This tenant is disabled; there is nothing to suspend.',
  );
}
