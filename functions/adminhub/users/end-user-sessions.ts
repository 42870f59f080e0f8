import { NotFoundError } from '@halooid/shared/errors';
import { requireDirectoryMember } from '../domain/members-access';
import { signOutMember } from '../domain/members-sessions';
import type { UserActionDeps } from './deps';

/** Signs a member out of one session (404 when it is not theirs or already ended) or of all of them. */
export async function endUserSessions(
  memberId: string,
  sessionId: string | undefined,
  deps: UserActionDeps,
): Promise<{ ended: number }> {
  const member = await requireDirectoryMember(deps.tx, memberId);
  const ended = await signOutMember(deps, member, sessionId ? { sessionId } : {});
  if (sessionId && ended === 0) throw new NotFoundError('Session');
  return { ended };
}
