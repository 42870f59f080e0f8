import { BusinessRuleError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import { isActiveMember } from '@halooid/shared/tenancy';
import { canManageProject } from '../domain/project-access';
import type { Member } from '../domain/project-schemas';
import { taskodexEvents } from '../events';
import { manageableProject, meOf, type ProjectDeps, visibleProject } from './project-use-cases';
import { countAdmins, deleteMember, findMember, listMembers, touchProject, upsertMember } from './repository';

/** Project membership: who sees a private project, and who runs a project (its admins). */
export async function findMembers(projectId: string, deps: ProjectDeps): Promise<{ items: Member[] }> {
  await visibleProject(deps, projectId);
  return { items: await listMembers(deps.tx, deps.principal.tenantId, projectId) };
}

export async function addMember(
  projectId: string,
  input: { userId: string; role: Member['role'] },
  deps: ProjectDeps,
): Promise<{ member: Member; added: boolean }> {
  const project = await manageableProject(deps, projectId);
  if (!(await isActiveMember(deps.tx, input.userId)))
    throw new BusinessRuleError('not_a_member', 'That user is not a member of this tenant.', [
      { field: 'body.userId', message: 'Not a member of this tenant.', code: 'not_a_member' },
    ]);
  const existing = await findMember(deps.tx, deps.principal.tenantId, projectId, input.userId);
  if (existing?.role === 'admin' && input.role !== 'admin') await assertAnotherAdmin(deps, projectId);
  const result = await upsertMember(deps.tx, deps.principal.tenantId, projectId, input.userId, input.role);
  await touchProject(deps.tx, deps.principal.tenantId, projectId);
  const data = { projectId, projectKey: project.key, userId: input.userId, role: input.role };
  if (result.added) await deps.events.record(taskodexEvents, 'project.member_added', data);
  return result;
}

export async function changeMemberRole(
  projectId: string,
  userId: string,
  role: Member['role'],
  deps: ProjectDeps,
): Promise<Member> {
  await manageableProject(deps, projectId);
  const existing = await findMember(deps.tx, deps.principal.tenantId, projectId, userId);
  if (!existing) throw new NotFoundError('Project member');
  if (existing.role === 'admin' && role !== 'admin') await assertAnotherAdmin(deps, projectId);
  const { member } = await upsertMember(deps.tx, deps.principal.tenantId, projectId, userId, role);
  await touchProject(deps.tx, deps.principal.tenantId, projectId);
  return member;
}

/** Admins remove anyone; anyone may leave a project themselves. A project keeps at least one admin. */
export async function removeMember(projectId: string, userId: string, deps: ProjectDeps): Promise<void> {
  const { tx, principal } = deps;
  const project = await visibleProject(deps, projectId, { forUpdate: true });
  const leaving = meOf(principal) === userId;
  if (!leaving && !(await canManageProject(tx, principal, projectId)))
    throw new ForbiddenError('Only the project’s admins (or a Taskodex admin) may remove members.');
  const existing = await findMember(tx, principal.tenantId, projectId, userId);
  if (!existing) throw new NotFoundError('Project member');
  if (existing.role === 'admin') await assertAnotherAdmin(deps, projectId);
  await deleteMember(tx, principal.tenantId, projectId, userId);
  await touchProject(tx, principal.tenantId, projectId);
  await deps.events.record(taskodexEvents, 'project.member_removed', {
    projectId,
    projectKey: project.key,
    userId,
    role: existing.role,
  });
}

async function assertAnotherAdmin(deps: ProjectDeps, projectId: string): Promise<void> {
  if ((await countAdmins(deps.tx, deps.principal.tenantId, projectId)) > 1) return;
  throw new BusinessRuleError(
    'last_admin',
    'A project keeps at least one admin; make someone else admin first.',
  );
}
