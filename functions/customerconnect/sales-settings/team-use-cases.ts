import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { isActiveMember } from '@halooid/shared/tenancy';
import {
  deleteMember,
  deleteTeam,
  insertTeam,
  rulesUsingTeam,
  selectTeam,
  selectTeams,
  teamNameTaken,
  touchTeam,
  updateTeam,
  upsertMember,
} from './repository';
import type { CreateTeamInput, ListTeamsQuery, Team, TeamMember, UpdateTeamInput } from './schemas';

export type TeamDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;
type ReadDeps = Pick<RequestDeps, 'tx' | 'principal'>;

const duplicateName = (name: string) =>
  new ConflictError(`A team named "${name}" exists already.`, 'duplicate_name');

async function existingTeam(tx: RequestDeps['tx'], tenantId: string, teamId: string, forUpdate = false) {
  const team = await selectTeam(tx, tenantId, teamId, { forUpdate });
  if (!team) throw new NotFoundError('Team');
  return team;
}

export function listTeams(query: ListTeamsQuery, deps: ReadDeps) {
  return selectTeams(deps.tx, deps.principal.tenantId, query);
}

export function getTeam(teamId: string, deps: ReadDeps): Promise<Team> {
  return existingTeam(deps.tx, deps.principal.tenantId, teamId);
}

export async function createTeam(input: CreateTeamInput, deps: TeamDeps): Promise<Team> {
  const { tx, principal } = deps;
  if (await teamNameTaken(tx, principal.tenantId, input.name)) throw duplicateName(input.name);
  const id = deps.newId();
  await insertTeam(tx, { ...input, tenantId: principal.tenantId, id });
  await recordAudit(tx, deps.actor, {
    action: 'customerconnect.team.created',
    targetType: 'customerconnect.team',
    targetId: id,
    details: { name: input.name, territories: input.territories },
  });
  return existingTeam(tx, principal.tenantId, id);
}

export async function changeTeam(teamId: string, changes: UpdateTeamInput, deps: TeamDeps): Promise<Team> {
  const { tx, principal } = deps;
  const current = await existingTeam(tx, principal.tenantId, teamId, true);
  if (changes.name !== undefined && (await teamNameTaken(tx, principal.tenantId, changes.name, teamId)))
    throw duplicateName(changes.name);
  if (!(await updateTeam(tx, principal.tenantId, teamId, changes)))
    throw new ConflictError(
      `The team changed since you read it (you sent version ${changes.version}, it is now ${current.version}). Reload and try again.`,
      'version_conflict',
    );
  await recordAudit(tx, deps.actor, {
    action: 'customerconnect.team.changed',
    targetType: 'customerconnect.team',
    targetId: teamId,
    details: {
      before: { name: current.name, territories: current.territories },
      after: { name: changes.name, territories: changes.territories },
    },
  });
  return existingTeam(tx, principal.tenantId, teamId);
}

/** Deletes the team and its memberships; a team an assignment rule routes to is kept (409). */
export async function removeTeam(teamId: string, deps: TeamDeps): Promise<void> {
  const { tx, principal } = deps;
  const team = await existingTeam(tx, principal.tenantId, teamId, true);
  const rules = await rulesUsingTeam(tx, principal.tenantId, teamId);
  if (rules > 0)
    throw new ConflictError(
      `${rules} assignment rule${rules === 1 ? '' : 's'} route${rules === 1 ? 's' : ''} leads to this team; change or delete ${rules === 1 ? 'it' : 'them'} first.`,
      'team_in_use',
    );
  await deleteTeam(tx, principal.tenantId, teamId);
  await recordAudit(tx, deps.actor, {
    action: 'customerconnect.team.deleted',
    targetType: 'customerconnect.team',
    targetId: teamId,
    details: { name: team.name, members: team.members.length },
  });
}

/** Adds the user to the team or changes their role; they must be an active member of the tenant (422). */
export async function putMember(
  teamId: string,
  userId: string,
  role: TeamMember['role'],
  deps: TeamDeps,
): Promise<Team> {
  const { tx, principal } = deps;
  await existingTeam(tx, principal.tenantId, teamId, true);
  if (!(await isActiveMember(tx, userId)))
    throw new BusinessRuleError('not_a_member', 'The user is not an active member of this tenant.', [
      { field: 'path.userId', message: 'Not an active member of this tenant.', code: 'not_a_member' },
    ]);
  const { previousRole } = await upsertMember(tx, principal.tenantId, teamId, userId, role);
  if (previousRole !== role) {
    await touchTeam(tx, principal.tenantId, teamId);
    await recordAudit(tx, deps.actor, {
      action: 'customerconnect.team.member_set',
      targetType: 'customerconnect.team',
      targetId: teamId,
      details: { userId, role, previousRole },
    });
  }
  return existingTeam(tx, principal.tenantId, teamId);
}

/** Takes the user out of the team; 404 when the team does not exist or they are not in it. */
export async function removeMember(teamId: string, userId: string, deps: TeamDeps): Promise<void> {
  const { tx, principal } = deps;
  await existingTeam(tx, principal.tenantId, teamId, true);
  if (!(await deleteMember(tx, principal.tenantId, teamId, userId))) throw new NotFoundError('Team member');
  await touchTeam(tx, principal.tenantId, teamId);
  await recordAudit(tx, deps.actor, {
    action: 'customerconnect.team.member_removed',
    targetType: 'customerconnect.team',
    targetId: teamId,
    details: { userId },
  });
}
