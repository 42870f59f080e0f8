import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { findTask } from './task-repository';
import type { Task } from './task-schemas';

/**
 * Who may see what in Taskodex. A public project (and a task with no project)
 * is visible to everyone in the tenant who may read tasks; a private project
 * and its tasks only to its members and to holders of
 * `taskodex:project:admin` (owners, admins, project managers). Everything a
 * caller may not see is reported as missing (404), never as forbidden, so a
 * private project's existence does not leak.
 */
export type ProjectRole = 'admin' | 'member' | 'viewer';

export const PROJECT_ADMIN_PERMISSION = 'taskodex:project:admin';

/** Tenant-wide Taskodex administrators see and manage every project. */
export function isTaskodexAdmin(principal: Principal): boolean {
  return permits(principal.grants, PROJECT_ADMIN_PERMISSION);
}

/** The caller's role in a project, or null when they are not a member (API keys never are). */
export async function projectRoleOf(
  tx: Tx,
  principal: Principal,
  projectId: string,
): Promise<ProjectRole | null> {
  if (principal.principalType !== 'user') return null;
  const { rows } = await tx.query<{ role: ProjectRole }>(
    `select role from taskodex.project_members where tenant_id = $1 and project_id = $2 and user_id = $3`,
    [principal.tenantId, projectId, principal.principalId],
  );
  return rows[0]?.role ?? null;
}

/** True when the project exists in the tenant and the caller may see it (archived projects stay visible). */
export async function canSeeProject(tx: Tx, principal: Principal, projectId: string): Promise<boolean> {
  const { rows } = await tx.query<{ is_private: boolean; member: boolean }>(
    `select p.is_private,
            exists (select 1 from taskodex.project_members m
                     where m.tenant_id = p.tenant_id and m.project_id = p.id and m.user_id = $3) as member
       from taskodex.projects p
      where p.tenant_id = $1 and p.id = $2`,
    [principal.tenantId, projectId, principal.principalType === 'user' ? principal.principalId : null],
  );
  const project = rows[0];
  if (!project) return false;
  return !project.is_private || project.member || isTaskodexAdmin(principal);
}

/**
 * The private projects the caller may not see. Lists exclude them with
 * `project_id <> all(...)`, which keeps the tenant-leading index scans (and
 * keyset pagination) as they are: the list is usually empty and never large.
 */
export async function hiddenProjectIds(tx: Tx, principal: Principal): Promise<string[]> {
  if (isTaskodexAdmin(principal)) return [];
  const { rows } = await tx.query<{ id: string }>(
    `select p.id from taskodex.projects p
      where p.tenant_id = $1 and p.is_private
        and not exists (select 1 from taskodex.project_members m
                         where m.tenant_id = p.tenant_id and m.project_id = p.id and m.user_id = $2)`,
    [principal.tenantId, principal.principalType === 'user' ? principal.principalId : null],
  );
  return rows.map((row) => row.id);
}

/**
 * A task the caller may see, or undefined when it is missing, deleted or in a
 * private project they are not part of. `forUpdate` locks the task row until
 * the transaction ends (take it before changing the task or its children).
 */
export async function findVisibleTask(
  tx: Tx,
  principal: Principal,
  taskId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Task | undefined> {
  const task = await findTask(tx, principal.tenantId, taskId, opts);
  if (!task) return undefined;
  if (task.projectId && !(await canSeeProject(tx, principal, task.projectId))) return undefined;
  return task;
}

/**
 * Who may change the project itself (settings, members, workflow): its admins
 * and tenant-wide Taskodex admins. Call after the project is known to be visible.
 */
export async function canManageProject(tx: Tx, principal: Principal, projectId: string): Promise<boolean> {
  if (isTaskodexAdmin(principal)) return true;
  return (await projectRoleOf(tx, principal, projectId)) === 'admin';
}

/**
 * Who may create and change tasks in a project: anyone with task write on a
 * public project except its viewers; members and admins of a private one.
 * Call after the project is known to be visible.
 */
export async function canWriteTasksIn(tx: Tx, principal: Principal, projectId: string): Promise<boolean> {
  if (isTaskodexAdmin(principal)) return true;
  return (await projectRoleOf(tx, principal, projectId)) !== 'viewer';
}

/**
 * A project's key and whether it is archived, or undefined when the tenant has
 * no such project. Says nothing about visibility: pair it with canSeeProject.
 */
export async function findProjectHeader(
  tx: Tx,
  tenantId: string,
  projectId: string,
): Promise<{ key: string; archived: boolean } | undefined> {
  const { rows } = await tx.query<{ key: string; archived: boolean }>(
    `select key, archived_at is not null as archived from taskodex.projects where tenant_id = $1 and id = $2`,
    [tenantId, projectId],
  );
  return rows[0];
}
