import { type AccessAction, requireDirectoryMember, setMemberAccess } from '../domain/members-access';
import type { DirectoryMember } from '../domain/members-directory';
import type { UserActionDeps } from './deps';

/**
 * Disables or enables one member. Disabling also revokes every token the
 * member holds (after commit, with the other revocations): the tenant's
 * RBAC version already refuses them here within about 2 s, and a disabled
 * person should not keep a live session anywhere an admin cannot see.
 * Doing it again is a no-op answering the member as they are.
 */
export async function setUserAccess(
  memberId: string,
  action: AccessAction,
  deps: UserActionDeps,
): Promise<DirectoryMember> {
  const member = await requireDirectoryMember(deps.tx, memberId);
  const changed = await setMemberAccess(deps, member, action);
  if (changed && action === 'disable') await deps.revocations.revokeUser(memberId);
  return requireDirectoryMember(deps.tx, memberId);
}
