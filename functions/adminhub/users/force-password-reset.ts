import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import { endSessions } from '@halooid/shared/sessions';
import { assertManagesAccount, assertMayAdminister, requireDirectoryMember } from '../domain/members-access';
import type { DirectoryMember } from '../domain/members-directory';
import type { UserActionDeps } from './deps';

/**
 * Marks the member's account as needing a new password (the sign-in flow
 * sends them to reset while it is set) and ends every session, in one
 * transaction with the audit record. The reset email goes after commit
 * (cognito-account.ts), so a rolled-back request sends nothing.
 */
export async function forcePasswordReset(memberId: string, deps: UserActionDeps): Promise<DirectoryMember> {
  const member = await requireDirectoryMember(deps.tx, memberId);
  await assertMayAdminister(deps, member, 'reset the password of');
  assertManagesAccount(member);
  const { rowCount } = await deps.tx.query('select adminhub.require_password_reset($1)', [memberId]);
  if (!rowCount) throw new NotFoundError('Member');
  const ended = await endSessions(
    deps.tx,
    { revocations: deps.revocations },
    { userId: memberId, reason: 'password_reset_forced' },
  );
  await recordAudit(deps.tx, deps.actor, {
    action: 'adminhub.user.password_reset_forced',
    targetType: 'user',
    targetId: memberId,
    details: { email: member.email, sessionsEnded: ended },
  });
  return requireDirectoryMember(deps.tx, memberId);
}
