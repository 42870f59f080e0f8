import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import { endSessions } from '@halooid/shared/sessions';
import { assertManagesAccount, assertMayAdminister, requireDirectoryMember } from '../domain/members-access';
import type { DirectoryMember } from '../domain/members-directory';
import type { UserActionDeps } from './deps';

/**
 * Clears the member's MFA enrolment (for a lost phone) and ends every
 * session, audited; where the policy requires MFA they enrol again at their
 * next sign-in. Cognito's side is turned off after commit.
 */
export async function resetMfa(memberId: string, deps: UserActionDeps): Promise<DirectoryMember> {
  const member = await requireDirectoryMember(deps.tx, memberId);
  await assertMayAdminister(deps, member, 'reset MFA of');
  assertManagesAccount(member);
  const { rowCount } = await deps.tx.query('select adminhub.clear_mfa($1)', [memberId]);
  if (!rowCount) throw new NotFoundError('Member');
  const ended = await endSessions(
    deps.tx,
    { revocations: deps.revocations },
    { userId: memberId, reason: 'mfa_reset' },
  );
  await recordAudit(deps.tx, deps.actor, {
    action: 'adminhub.user.mfa_reset',
    targetType: 'user',
    targetId: memberId,
    details: { email: member.email, wasEnrolled: member.mfaEnrolled, sessionsEnded: ended },
  });
  return requireDirectoryMember(deps.tx, memberId);
}
