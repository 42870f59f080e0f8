import type { Principal } from '@halooid/shared/auth/principal';
import { sqlState, UNIQUE_VIOLATION } from '@halooid/shared/db/errors';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import type { EventRecorder } from '@halooid/shared/events/outbox';
import { isActiveMember } from '@halooid/shared/tenancy';
import { canManageProject, canSeeProject, isTaskodexAdmin } from '../domain/project-access';
import type {
  CreateProjectInput,
  ListProjectsQuery,
  Project,
  UpdateProjectInput,
} from '../domain/project-schemas';
import { assertValidWorkflow, DEFAULT_WORKFLOW, saveWorkflow } from '../domain/workflow';
import { taskodexEvents } from '../events';
import {
  findProject,
  insertProject,
  listProjects,
  type ProjectChanges,
  projectLabels,
  updateProject,
  upsertMember,
} from './repository';

/** What every project use case receives; the handler owns the transaction. */
export interface ProjectDeps {
  tx: Tx;
  principal: Principal;
  newId: () => string;
  events: EventRecorder;
}

/** The caller's user id, or null for an API key (which is never a project member). */
export const meOf = (principal: Principal) =>
  principal.principalType === 'user' ? principal.principalId : null;

const snapshot = ({ myRole: _role, ...project }: Project) => project;

async function assertTenantMember(tx: Tx, userId: string | null | undefined, field: string): Promise<void> {
  if (!userId || (await isActiveMember(tx, userId))) return;
  throw new BusinessRuleError('not_a_member', 'That user is not a member of this tenant.', [
    { field, message: 'Not a member of this tenant.', code: 'not_a_member' },
  ]);
}

/** The project if the caller may see it; 404 otherwise (a private project's existence does not leak). */
export async function visibleProject(
  deps: ProjectDeps,
  projectId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Project> {
  const { tx, principal } = deps;
  const project = await findProject(tx, principal.tenantId, meOf(principal), projectId, options);
  if (!project || !(await canSeeProject(tx, principal, projectId))) throw new NotFoundError('Project');
  return project;
}

/** The project, locked, if the caller may change its settings, members or workflow; 403 when they only see it. */
export async function manageableProject(deps: ProjectDeps, projectId: string): Promise<Project> {
  const project = await visibleProject(deps, projectId, { forUpdate: true });
  if (!(await canManageProject(deps.tx, deps.principal, projectId)))
    throw new ForbiddenError('Only the project’s admins (or a Taskodex admin) may change it.');
  return project;
}

export async function createProject(input: CreateProjectInput, deps: ProjectDeps): Promise<Project> {
  const { tx, principal } = deps;
  await assertTenantMember(tx, input.leadId, 'body.leadId');
  const states = input.states ?? DEFAULT_WORKFLOW;
  assertValidWorkflow(states);
  const { states: _states, ...fields } = input;
  const id = deps.newId();
  const { rowCount } = await tx.query('select 1 from taskodex.projects where tenant_id = $1 and key = $2', [
    principal.tenantId,
    input.key,
  ]);
  if (rowCount) throw keyTaken(input.key);
  try {
    await insertProject(tx, {
      ...fields,
      id,
      tenantId: principal.tenantId,
      createdBy: principal.principalId,
    });
  } catch (error) {
    // Two creates racing for the same key: the unique index decides, the loser gets the same 409.
    if (sqlState(error) === UNIQUE_VIOLATION) throw keyTaken(input.key);
    throw error;
  }
  await saveWorkflow(tx, principal.tenantId, id, states);
  // The creator runs the project; the lead (when someone else) joins as an admin too.
  const me = meOf(principal);
  for (const userId of new Set([me, input.leadId].filter((user): user is string => Boolean(user))))
    await upsertMember(tx, principal.tenantId, id, userId, 'admin');
  const project = (await findProject(tx, principal.tenantId, me, id)) as Project;
  await deps.events.record(taskodexEvents, 'project.created', { project: snapshot(project) });
  return project;
}

function keyTaken(key: string) {
  return new ConflictError(
    `The key ${key} is already used by another project in this tenant.`,
    'project_key_taken',
  );
}

export function getProject(projectId: string, deps: ProjectDeps): Promise<Project> {
  return visibleProject(deps, projectId);
}

export function findProjects(query: ListProjectsQuery, deps: ProjectDeps) {
  const { tx, principal } = deps;
  return listProjects(tx, principal.tenantId, meOf(principal), isTaskodexAdmin(principal), query);
}

async function applyChange(
  current: Project,
  version: number,
  changes: ProjectChanges,
  deps: ProjectDeps,
): Promise<Project> {
  const { tx, principal } = deps;
  if (!(await updateProject(tx, principal.tenantId, current.id, version, changes)))
    throw new ConflictError(
      `The project changed since you read it (you sent version ${version}, it is now ${current.version}). Reload and try again.`,
      'version_conflict',
    );
  return (await findProject(tx, principal.tenantId, meOf(principal), current.id)) as Project;
}

export async function changeProject(
  projectId: string,
  version: number,
  changes: Omit<UpdateProjectInput, 'version'>,
  deps: ProjectDeps,
): Promise<Project> {
  const current = await manageableProject(deps, projectId);
  if (current.archivedAt)
    throw new BusinessRuleError('project_archived', 'Restore the project before changing it.');
  await assertTenantMember(deps.tx, changes.leadId, 'body.leadId');
  const startDate = changes.startDate === undefined ? current.startDate : changes.startDate;
  const targetDate = changes.targetDate === undefined ? current.targetDate : changes.targetDate;
  if (startDate && targetDate && targetDate < startDate)
    throw new BusinessRuleError('invalid_dates', 'The target date cannot be before the start date.', [
      { field: 'body.targetDate', message: 'Before the start date.', code: 'invalid_dates' },
    ]);
  const updated = await applyChange(current, version, changes, deps);
  const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter(
    (field) => JSON.stringify(current[field]) !== JSON.stringify(updated[field]),
  );
  if (changed.length)
    await deps.events.record(taskodexEvents, 'project.updated', {
      project: snapshot(updated),
      changes: changed,
    });
  return updated;
}

/** Archiving hides the project from the default list and freezes it; its tasks and numbers stay. */
export async function archiveProject(projectId: string, deps: ProjectDeps): Promise<Project> {
  const current = await manageableProject(deps, projectId);
  if (current.archivedAt) throw new ConflictError('The project is already archived.', 'already_archived');
  const updated = await applyChange(
    current,
    current.version,
    { status: 'archived', archivedAt: new Date() },
    deps,
  );
  await deps.events.record(taskodexEvents, 'project.archived', { project: snapshot(updated) });
  return updated;
}

export async function restoreProject(projectId: string, deps: ProjectDeps): Promise<Project> {
  const current = await manageableProject(deps, projectId);
  if (!current.archivedAt) throw new ConflictError('The project is not archived.', 'not_archived');
  const updated = await applyChange(current, current.version, { status: 'active', archivedAt: null }, deps);
  await deps.events.record(taskodexEvents, 'project.restored', { project: snapshot(updated) });
  return updated;
}

export async function findProjectLabels(projectId: string, deps: ProjectDeps) {
  await visibleProject(deps, projectId);
  return { items: await projectLabels(deps.tx, deps.principal.tenantId, projectId) };
}
