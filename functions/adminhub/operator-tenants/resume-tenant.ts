import type { OperatorDeps } from '@halooid/shared/operator';
import { changeSuspension } from './change-suspension';
import type { OperatorTenant } from './schemas';

/**
 * Lifts a suspension: requests work again within the authorizer's cache
 * bound. Only a suspended tenant can be resumed (a disabled one is the
 * platform's own state, not the operator's); an active one is left as is.
 */
export function resumeTenant(
  tenantId: string,
  deps: Pick<OperatorDeps, 'tx' | 'audit' | 'actOn'>,
): Promise<OperatorTenant> {
  return changeSuspension(
    tenantId,
    null,
    deps,
    'This tenant is disabled, not suspended; resume does not apply.',
  );
}
