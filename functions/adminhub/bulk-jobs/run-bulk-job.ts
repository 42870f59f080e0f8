import { bumpRbacVersion, recordAudit } from '@halooid/shared/audit';
import type { RevocationStore } from '@halooid/shared/auth/revocations';
import { AppError, BusinessRuleError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { invitationRoles } from '@halooid/shared/invitations';
import { assertCanGrantRoles } from '../../role-guards';
import { type AccessDeps, assertMayAdminister, setMemberAccess } from '../domain/members-access';
import {
  type DirectoryMember,
  findDirectoryMembers,
  selectDirectoryMembers,
} from '../domain/members-directory';
import { signOutMember } from '../domain/members-sessions';
import { completeJob, insertJob, selectJob } from './repository';
import { type BulkJob, type BulkJobResult, type CreateBulkJobInput, MAX_BULK_SELECTION } from './schemas';

export interface BulkJobDeps extends Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'> {
  /** Collected here, written concurrently after commit (domain/members-revocations.ts). */
  revocations: Pick<RevocationStore, 'revokeUser' | 'revokeSession'>;
}

type Outcome = Pick<BulkJobResult, 'outcome' | 'reason'>;
const ok: Outcome = { outcome: 'ok', reason: null };
const skipped = (reason: string): Outcome => ({ outcome: 'skipped', reason });

async function selectMembers(tx: RequestDeps['tx'], input: CreateBulkJobInput) {
  if ('userIds' in input.selection) {
    const found = await findDirectoryMembers(tx, input.selection.userIds);
    const missing = input.selection.userIds.filter((id) => !found.some((member) => member.memberId === id));
    return { found, missing };
  }
  const found = await selectDirectoryMembers(tx, input.selection.filter, MAX_BULK_SELECTION + 1);
  if (found.length > MAX_BULK_SELECTION) {
    throw new BusinessRuleError(
      'selection_too_large',
      `The filter selects more than ${MAX_BULK_SELECTION} members; narrow it, or run several jobs.`,
    );
  }
  return { found, missing: [] };
}

/**
 * One member's part of the job. Nothing to do is `skipped`; a rule that
 * refuses it (someone beyond the caller's reach, the last Owner) is
 * `failed` with the rule's words, under a savepoint, so the other members
 * still go through.
 */
async function applyTo(
  member: DirectoryMember,
  input: CreateBulkJobInput,
  deps: BulkJobDeps,
  details: Record<string, unknown>,
): Promise<Outcome> {
  if (member.memberId === deps.principal.principalId) return skipped('You cannot change your own access.');
  const access: AccessDeps = deps;
  switch (input.action) {
    case 'disable':
    case 'enable': {
      const changed = await setMemberAccess(access, member, input.action, details);
      if (!changed) return skipped(input.action === 'disable' ? 'Already disabled.' : 'Already enabled.');
      if (input.action === 'disable' && member.accountManaged)
        await deps.revocations.revokeUser(member.memberId);
      return ok;
    }
    case 'sign_out': {
      const ended = await signOutMember(deps, member, { details });
      return ended > 0 ? ok : skipped('No open sessions; their tokens were revoked all the same.');
    }
    case 'assign_role': {
      await assertMayAdminister(access, member, 'change the roles of');
      if (member.roles.some((role) => role.id === input.roleId)) return skipped('Already holds the role.');
      await deps.tx.query(
        `insert into platform.member_roles (tenant_id, user_id, role_id)
         values (platform.current_tenant_id(), $1, $2)`,
        [member.memberId, input.roleId],
      );
      await recordAudit(deps.tx, deps.actor, {
        action: 'adminhub.user.role_assigned',
        targetType: 'user',
        targetId: member.memberId,
        details: { email: member.email, roleId: input.roleId, ...details },
      });
      return ok;
    }
  }
}

/**
 * Runs a bulk job in the caller's transaction: the job row, one result per
 * selected member, one audit record for the job and one per member changed.
 * The role of an `assign_role` job must exist (400) and be within the
 * caller's reach (403) before anyone is touched.
 */
export async function runBulkJob(input: CreateBulkJobInput, deps: BulkJobDeps): Promise<BulkJob> {
  const { tx, principal } = deps;
  if (input.roleId) {
    const roles = await invitationRoles(tx, [input.roleId]);
    assertCanGrantRoles(principal.grants, roles, 'assign');
  }
  const jobId = deps.newId();
  await insertJob(tx, {
    id: jobId,
    action: input.action,
    roleId: input.roleId ?? null,
    selection: input.selection,
    createdBy: principal.principalId,
  });
  const { found, missing } = await selectMembers(tx, input);
  const results: BulkJobResult[] = missing.map((memberId) => ({
    memberId,
    email: '',
    outcome: 'failed',
    reason: 'Not a member of this workspace.',
  }));
  for (const member of found) {
    await tx.query('savepoint bulk_member');
    try {
      const outcome = await applyTo(member, input, deps, { jobId });
      await tx.query('release savepoint bulk_member');
      results.push({ memberId: member.memberId, email: member.email, ...outcome });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await tx.query('rollback to savepoint bulk_member');
      results.push({
        memberId: member.memberId,
        email: member.email,
        outcome: 'failed',
        reason: error.message,
      });
    }
  }
  if (input.action === 'assign_role' && results.some((result) => result.outcome === 'ok'))
    await bumpRbacVersion(tx);
  await completeJob(tx, jobId, results);
  const job = await selectJob(tx, jobId);
  if (!job) throw new NotFoundError('Bulk job');
  await recordAudit(tx, deps.actor, {
    action: 'adminhub.bulk_job.completed',
    targetType: 'bulk_job',
    targetId: jobId,
    details: {
      action: input.action,
      ...(input.roleId ? { roleId: input.roleId } : {}),
      total: job.total,
      succeeded: job.succeeded,
      skipped: job.skipped,
      failed: job.failed,
    },
  });
  return job;
}
