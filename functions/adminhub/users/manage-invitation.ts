import { bumpRbacVersion, recordAudit } from '@halooid/shared/audit';
import { ConflictError } from '@halooid/shared/errors';
import { assertMayAdminister, assertNotLastOwner, requireDirectoryMember } from '../domain/members-access';
import type { DirectoryMember } from '../domain/members-directory';
import type { UserActionDeps } from './deps';

/** An invitation is open while the member has not signed in yet; past that it is a 409. */
async function requireInvited(deps: Pick<UserActionDeps, 'tx'>, memberId: string): Promise<DirectoryMember> {
  const member = await requireDirectoryMember(deps.tx, memberId);
  if (member.status !== 'invited')
    throw new ConflictError(
      `${member.email} has already joined; there is no open invitation.`,
      'not_invited',
    );
  return member;
}

/**
 * Audits a resend of the invitation; the email itself (Cognito's RESEND)
 * goes after commit. Returns the invitee.
 */
export async function recordInvitationResent(
  memberId: string,
  deps: Pick<UserActionDeps, 'tx' | 'actor'>,
): Promise<DirectoryMember> {
  const member = await requireInvited(deps, memberId);
  await recordAudit(deps.tx, deps.actor, {
    action: 'adminhub.user.invitation_resent',
    targetType: 'user',
    targetId: memberId,
    details: { email: member.email },
  });
  return member;
}

/**
 * Withdraws an invitation: the membership and its roles go (the Cognito
 * account stays, it may belong to other tenants). Bumps the RBAC version,
 * so a sign-in racing the revocation is refused within seconds too.
 */
export async function revokeInvitation(memberId: string, deps: UserActionDeps): Promise<void> {
  const member = await requireInvited(deps, memberId);
  const held = await assertMayAdminister(deps, member, 'revoke the invitation of');
  await assertNotLastOwner(deps.tx, member, held);
  await deps.tx.query(
    'delete from platform.memberships where tenant_id = platform.current_tenant_id() and user_id = $1',
    [memberId],
  );
  await bumpRbacVersion(deps.tx);
  await recordAudit(deps.tx, deps.actor, {
    action: 'adminhub.user.invitation_revoked',
    targetType: 'user',
    targetId: memberId,
    details: { email: member.email, roles: held.map((role) => role.key) },
  });
}
