import { recordAudit } from '@halooid/shared/audit';
import type { RevocationStore } from '@halooid/shared/auth/revocations';
import { endSessions } from '@halooid/shared/sessions';
import { type AccessDeps, assertManagesAccount, assertMayAdminister } from './members-access';
import type { DirectoryMember } from './members-directory';

/**
 * Signs a member out of one session or all of them (shared/src/sessions.ts:
 * ended rows refuse their refresh tokens; access tokens are revoked through
 * `revocations`, after commit when it is domain/members-revocations.ts'),
 * audited. Ending your own sessions is the auth API's, not this console's.
 * Returns how many open sessions ended.
 */
export async function signOutMember(
  deps: AccessDeps & { revocations: Pick<RevocationStore, 'revokeUser' | 'revokeSession'> },
  member: DirectoryMember,
  options: { sessionId?: string; details?: Record<string, unknown> } = {},
): Promise<number> {
  await assertMayAdminister(deps, member, 'sign out');
  assertManagesAccount(member);
  const { sessionId } = options;
  const ended = await endSessions(
    deps.tx,
    { revocations: deps.revocations },
    { userId: member.memberId, ...(sessionId ? { sessionId } : {}), reason: 'admin_signed_out' },
  );
  if (sessionId && ended === 0) return 0;
  await recordAudit(deps.tx, deps.actor, {
    action: sessionId ? 'adminhub.user.session_ended' : 'adminhub.user.sessions_ended',
    targetType: 'user',
    targetId: member.memberId,
    details: { email: member.email, ended, ...(sessionId ? { sessionId } : {}), ...options.details },
  });
  return ended;
}
