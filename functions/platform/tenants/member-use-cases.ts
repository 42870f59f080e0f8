import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type AuditActor, bumpRbacVersion, recordAudit } from '@halooid/shared/audit';
import type { Principal } from '@halooid/shared/auth/principal';
import type { TenantScope, Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ForbiddenError, NotFoundError, ValidationError } from '@halooid/shared/errors';
import { isUuid } from '@halooid/shared/ids';
import { inviteToTenant } from '@halooid/shared/invitations';
import { assertCanGrantRoles } from '../../role-guards';
import { findRoleRows, type RoleRow } from '../domain/roles-repository';
import type { InviteMemberInput, Member } from './schemas';
import {
  deleteMembership,
  findMember,
  listMembers,
  ownerIds,
  replaceMemberRoles,
  updateMembershipStatus,
} from './tenant-repository';

export interface MemberDeps {
  tx: Tx;
  principal: Principal;
  actor: AuditActor;
}

async function loadRoles(tx: Tx, roleIds: readonly string[]): Promise<RoleRow[]> {
  const roles = await findRoleRows(tx, roleIds);
  const missing = roleIds.filter((id) => !roles.some((role) => role.id === id));
  if (missing.length > 0) {
    throw new ValidationError('Some roles do not exist in this tenant.', [
      { field: 'body.roleIds', message: `Unknown role ids: ${missing.join(', ')}.`, code: 'unknown_role' },
    ]);
  }
  return roles;
}

async function requireMember(tx: Tx, userId: string): Promise<Member> {
  const member = await findMember(tx, userId);
  if (!member) throw new NotFoundError('Member');
  return member;
}

async function assertNotLastOwner(tx: Tx, userId: string, action: string): Promise<void> {
  const owners = await ownerIds(tx);
  if (owners.length === 1 && owners[0] === userId) {
    throw new BusinessRuleError(
      'last_owner',
      `The last Owner cannot be ${action}; make someone else Owner first.`,
    );
  }
}

export async function findMembers(limit: number, cursor: string | undefined, tx: Tx) {
  let after: { email: string; userId: string } | undefined;
  if (cursor) {
    try {
      after = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      after = undefined;
    }
    // Unsigned: an edited userId must be a 400 here, not a uuid cast error in Postgres.
    if (
      !after ||
      typeof after.email !== 'string' ||
      typeof after.userId !== 'string' ||
      after.email.includes('\0') ||
      !isUuid(after.userId)
    ) {
      throw new ValidationError('The cursor is not valid for this list.', [
        { field: 'query.cursor', message: 'Invalid cursor.', code: 'invalid_cursor' },
      ]);
    }
  }
  const rows = await listMembers(tx, limit, after);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(JSON.stringify({ email: last.email.toLowerCase(), userId: last.userId })).toString(
          'base64url',
        )
      : null;
  return { items, nextCursor };
}

export interface InviteDeps {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  transaction: <T>(scope: TenantScope, work: (tx: Tx) => Promise<T>) => Promise<T>;
  principal: Principal;
  actor: AuditActor;
}

/**
 * Invites by email through the kernel's one invitation path
 * (shared/src/invitations.ts: Cognito account, the tenant's allowed email
 * domains, membership, roles, RBAC version and audit together), with the
 * rule that nobody hands out a role they could not hold.
 */
export async function inviteMember(input: InviteMemberInput, deps: InviteDeps): Promise<Member> {
  const { principal } = deps;
  return inviteToTenant(
    input,
    {
      cognito: deps.cognito,
      userPoolId: deps.userPoolId,
      transaction: deps.transaction,
      scope: { tenantId: principal.tenantId, userId: principal.principalId },
      actor: deps.actor,
      checkRoles: (roles) => assertCanGrantRoles(principal.grants, roles, 'assign'),
    },
    (tx, userId) => requireMember(tx, userId),
  );
}

export async function setMemberRoles(
  userId: string,
  roleIds: readonly string[],
  deps: MemberDeps,
): Promise<Member> {
  const { tx, principal } = deps;
  if (userId === principal.principalId) throw new ForbiddenError('You cannot change your own roles.');
  const member = await requireMember(tx, userId);
  const next = await loadRoles(tx, roleIds);
  const current = await findRoleRows(
    tx,
    member.roles.map((role) => role.id),
  );
  const added = next.filter((role) => !current.some((held) => held.id === role.id));
  const removed = current.filter((held) => !next.some((role) => role.id === held.id));
  assertCanGrantRoles(principal.grants, added, 'assign');
  assertCanGrantRoles(principal.grants, removed, 'remove');
  if (removed.some((role) => role.system && role.key === 'owner'))
    await assertNotLastOwner(tx, userId, 'demoted');
  await replaceMemberRoles(tx, userId, roleIds);
  await bumpRbacVersion(tx);
  await recordAudit(tx, deps.actor, {
    action: 'member.roles_changed',
    targetType: 'user',
    targetId: userId,
    details: { before: current.map((role) => role.key), after: next.map((role) => role.key) },
  });
  return requireMember(tx, userId);
}

/**
 * Suspends or reactivates a member. Suspension is membership-level: the
 * authorizer stops granting anything in this tenant (grants are read for
 * active members only) as soon as the bumped RBAC version is re-read, about
 * 2 s; the person's other tenants are untouched. Like removal it needs reach
 * over every role the member holds, nobody suspends themselves, and the last
 * active Owner cannot be suspended.
 */
export async function setMemberStatus(
  userId: string,
  status: 'active' | 'suspended',
  deps: MemberDeps,
): Promise<Member> {
  const { tx, principal } = deps;
  if (userId === principal.principalId) throw new ForbiddenError('You cannot change your own status.');
  const member = await requireMember(tx, userId);
  if (member.status === status) return member;
  const held = await findRoleRows(
    tx,
    member.roles.map((role) => role.id),
  );
  assertCanGrantRoles(principal.grants, held, 'remove');
  if (status !== 'active' && held.some((role) => role.system && role.key === 'owner'))
    await assertNotLastOwner(tx, userId, 'suspended');
  await updateMembershipStatus(tx, userId, status);
  await bumpRbacVersion(tx);
  await recordAudit(tx, deps.actor, {
    action: status === 'active' ? 'member.reactivated' : 'member.suspended',
    targetType: 'user',
    targetId: userId,
    details: { email: member.email, before: member.status, after: status },
  });
  return requireMember(tx, userId);
}

export async function removeMember(userId: string, deps: MemberDeps): Promise<void> {
  const { tx, principal } = deps;
  const member = await requireMember(tx, userId);
  const held = await findRoleRows(
    tx,
    member.roles.map((role) => role.id),
  );
  // Leaving is always allowed; removing someone else needs reach over their roles.
  if (userId !== principal.principalId) assertCanGrantRoles(principal.grants, held, 'remove');
  if (held.some((role) => role.system && role.key === 'owner'))
    await assertNotLastOwner(tx, userId, 'removed');
  await deleteMembership(tx, userId);
  await bumpRbacVersion(tx);
  await recordAudit(tx, deps.actor, {
    action: 'member.removed',
    targetType: 'user',
    targetId: userId,
    details: { email: member.email, roles: held.map((role) => role.key) },
  });
}
