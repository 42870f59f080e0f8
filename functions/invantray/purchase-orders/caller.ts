import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { memberRoles } from '@halooid/shared/tenancy';
import type { Caller } from '../domain/purchase-order-status';

export const ORDER_PERMISSION = 'invantray:procurement:order';
export const APPROVE_PERMISSION = 'invantray:procurement:approve';
export const RECEIVE_PERMISSION = 'invantray:procurement:receive';

/** The user behind a request, or null for an API key. */
export const userIdOf = (principal: Principal): string | null =>
  principal.principalType === 'user' ? principal.principalId : null;

/** Does this user hold the tenant's Owner role (the system role, not a custom one named so)? */
export async function isTenantOwner(tx: Tx, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const roles = await memberRoles(tx, userId);
  return roles?.some((role) => role.system && role.key === 'owner') ?? false;
}

/**
 * What the caller may do to orders. `needOwner` says whether the Owner role
 * matters for this order (only the `owner` approval level asks), so the
 * membership is read only then.
 */
export async function callerOf(tx: Tx, principal: Principal, needOwner: boolean): Promise<Caller> {
  const userId = userIdOf(principal);
  const mayApprove = permits(principal.grants, APPROVE_PERMISSION);
  return {
    userId,
    isOwner: needOwner && mayApprove ? await isTenantOwner(tx, userId) : false,
    mayOrder: permits(principal.grants, ORDER_PERMISSION),
    mayApprove,
    mayReceive: permits(principal.grants, RECEIVE_PERMISSION),
  };
}
