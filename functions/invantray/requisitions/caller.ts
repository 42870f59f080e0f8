import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Filter } from '@halooid/shared/db/pagination';
import { ForbiddenError } from '@halooid/shared/errors';

/** Seeing every requisition, not only your own. */
export const READ_ALL = 'invantray:procurement:read';
/** Deciding on and ordering requisitions: a buyer's grant (declared by the purchase-orders capability). */
export const ORDER = 'invantray:procurement:order';

/**
 * Who is asking, as the requisition rules need it. A requisition belongs to
 * the user who asked for it; one asked through an API key has no requester,
 * and API keys act as its requester (any key of the tenant holding the grant).
 */
export interface Caller {
  tenantId: string;
  userId: string | null;
  readsAll: boolean;
  isBuyer: boolean;
}

export function callerOf(principal: Principal): Caller {
  return {
    tenantId: principal.tenantId,
    userId: principal.principalType === 'user' ? principal.principalId : null,
    readsAll: permits(principal.grants, READ_ALL),
    isBuyer: permits(principal.grants, ORDER),
  };
}

export const isRequester = (caller: Caller, requestedBy: string | null) => caller.userId === requestedBy;

/**
 * The row scope in SQL, in one place: without `procurement:read` a caller
 * sees only what they asked for; anything else answers 404 as if absent.
 */
export function visibleCondition(
  caller: Caller,
  filter: Filter,
  column = 'r.requested_by',
): string | undefined {
  if (caller.readsAll) return undefined;
  return caller.userId ? `${column} = ${filter.bind(caller.userId)}` : `${column} is null`;
}

/** Editing, submitting and cancelling are the requester's; anyone else who sees it gets a 403 saying so. */
export function requireRequester(caller: Caller, requestedBy: string | null): void {
  if (!isRequester(caller, requestedBy))
    throw new ForbiddenError(
      'Only the person who asked for this requisition can change, submit or cancel it.',
    );
}
