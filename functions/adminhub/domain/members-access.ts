import { type AuditActor, bumpRbacVersion, recordAudit } from '@halooid/shared/audit';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { AppError, BusinessRuleError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import { activeOwnerIds, setMembershipStatus } from '@halooid/shared/tenancy';
import { assertCanGrantRoles } from '../../role-guards';
import { type DirectoryMember, findDirectoryMember } from './members-directory';

/**
 * The rules every change to a member's access follows, whether one at a time
 * (users) or in a bulk job: nobody acts on themselves, the actor must hold
 * every grant of the roles the member holds (you cannot lock out someone
 * more powerful than you: functions/role-guards.ts), and the last active
 * Owner stays active. Each change bumps the tenant's RBAC version, so the
 * authorizer refuses or admits the member within about 2 s, and is audited
 * in the same transaction.
 */
export interface AccessDeps {
  tx: Tx;
  principal: Principal;
  actor: AuditActor;
}

export interface HeldRole {
  id: string;
  key: string;
  name: string;
  system: boolean;
  grants: string[] | null;
}

/** The roles a member holds, whatever their membership status. */
export async function heldRoles(tx: Tx, userId: string): Promise<HeldRole[]> {
  const { rows } = await tx.query<HeldRole>(
    `select r.id, r.key, r.name, r.system, r.grants
       from platform.member_roles mr
       join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id
      where mr.tenant_id = platform.current_tenant_id() and mr.user_id = $1`,
    [userId],
  );
  return rows;
}

export async function requireDirectoryMember(tx: Tx, userId: string): Promise<DirectoryMember> {
  const member = await findDirectoryMember(tx, userId);
  if (!member) throw new NotFoundError('Member');
  return member;
}

/** Refuses acting on yourself and on someone holding more than you do; returns their roles. */
export async function assertMayAdminister(
  deps: AccessDeps,
  member: DirectoryMember,
  what: string,
): Promise<HeldRole[]> {
  if (member.memberId === deps.principal.principalId)
    throw new ForbiddenError(`You cannot ${what} yourself.`);
  const held = await heldRoles(deps.tx, member.memberId);
  assertCanGrantRoles(deps.principal.grants, held, 'remove');
  return held;
}

/**
 * 403 account_not_managed unless this tenant manages the member's account
 * (adminhub.manages_account, migration 0008): their MFA, password and
 * sessions are the account's, shared by every workspace they belong to, so
 * only a workspace they belong to alone, or one that verified their email's
 * domain, may reset them or sign them out. Call before any side effect.
 */
export function assertManagesAccount(member: DirectoryMember): void {
  if (member.accountManaged) return;
  throw new AppError(
    403,
    'account_not_managed',
    `${member.email} also belongs to another workspace; only a workspace that has verified the domain of their email can reset their MFA or password or sign them out everywhere.`,
  );
}

export const isOwnerRole = (role: HeldRole) => role.system && role.key === 'owner';

/** 422 when the member is the only active Owner (their rows locked to the end of the transaction). */
export async function assertNotLastOwner(tx: Tx, member: DirectoryMember, held: HeldRole[]): Promise<void> {
  if (!held.some(isOwnerRole)) return;
  const owners = await activeOwnerIds(tx);
  if (owners.length === 1 && owners[0] === member.memberId) {
    throw new BusinessRuleError(
      'last_owner',
      'The last active Owner cannot be disabled or removed; make someone else Owner first.',
    );
  }
}

export type AccessAction = 'disable' | 'enable';

/**
 * Disables (membership suspended) or enables (active) a member. Returns
 * false when they already were so (nothing written). The caller revokes the
 * member's tokens after commit when disabling (revokeDisabled).
 */
export async function setMemberAccess(
  deps: AccessDeps,
  member: DirectoryMember,
  action: AccessAction,
  details: Record<string, unknown> = {},
): Promise<boolean> {
  const held = await assertMayAdminister(deps, member, action);
  const next = action === 'disable' ? 'suspended' : 'active';
  if (member.membershipStatus === next) return false;
  if (action === 'disable') await assertNotLastOwner(deps.tx, member, held);
  await setMembershipStatus(deps.tx, member.memberId, next);
  await bumpRbacVersion(deps.tx);
  await recordAudit(deps.tx, deps.actor, {
    action: action === 'disable' ? 'adminhub.user.disabled' : 'adminhub.user.enabled',
    targetType: 'user',
    targetId: member.memberId,
    details: { email: member.email, before: member.membershipStatus, after: next, ...details },
  });
  return true;
}
