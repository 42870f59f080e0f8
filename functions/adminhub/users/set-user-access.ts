import { type AccessAction, requireDirectoryMember, setMemberAccess } from '../domain/members-access';
import type { DirectoryMember } from '../domain/members-directory';
import type { UserActionDeps } from './deps';

/**
 * Disables or enables one member. Disabling suspends the membership and
 * bumps the tenant's RBAC version, which refuses them here within about
 * 2 s. When this tenant manages their account (adminhub.manages_account) it
 * also revokes every token they hold (after commit, with the other
 * revocations), so a disabled person keeps no live session anywhere an admin
 * cannot see; an account that also belongs to another workspace keeps its
 * sessions there.
 * Doing it again is a no-op answering the member as they are.
 */
export async function setUserAccess(
  memberId: string,
  action: AccessAction,
  deps: UserActionDeps,
): Promise<DirectoryMember> {
  const member = await requireDirectoryMember(deps.tx, memberId);
  const changed = await setMemberAccess(deps, member, action);
  if (changed && action === 'disable' && member.accountManaged) await deps.revocations.revokeUser(memberId);
  return requireDirectoryMember(deps.tx, memberId);
}
