import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import type { ProjectRole } from './project-access';
import type { WorkflowState } from './workflow';

/**
 * Everything a task write checks before it writes, read in one statement:
 * the target project (with the caller's role in it and its workflow), the
 * assignee's memberships and the parent task. Each part was its own query
 * (four to seven round trips); the rules applied to the answer stay in
 * task-rules.ts and are those of project-access.ts (visibility: public,
 * a member, or a Taskodex admin; writing: not a viewer). Parts not asked for
 * come back null.
 */
export interface WriteContext {
  project: {
    key: string;
    isPrivate: boolean;
    archived: boolean;
    /** The caller's role; null when not a member (API keys never are). */
    role: ProjectRole | null;
    workflow: WorkflowState[];
  } | null;
  /** An active member of the tenant (platform.memberships), as isActiveMember. */
  assigneeActive: boolean;
  /** A member of the project asked for (only meaningful for a private one). */
  assigneeInProject: boolean;
  parent: { projectId: string | null; isPrivate: boolean; callerIsMember: boolean } | null;
}

export interface WriteContextQuery {
  projectId: string | null;
  assigneeId?: string | null;
  parentId?: string | null;
}

export async function loadWriteContext(
  tx: Tx,
  principal: Principal,
  query: WriteContextQuery,
): Promise<WriteContext> {
  const { rows } = await tx.query<{
    project: WriteContext['project'];
    assignee_active: boolean;
    assignee_in_project: boolean;
    parent: WriteContext['parent'];
  }>(
    `select
       (select json_build_object(
                 'key', p.key, 'isPrivate', p.is_private, 'archived', p.archived_at is not null,
                 'role', (select m.role from taskodex.project_members m
                           where m.tenant_id = p.tenant_id and m.project_id = p.id and m.user_id = $3),
                 'workflow', (select coalesce(json_agg(json_build_object('key', s.key, 'name', s.name,
                                      'colour', s.colour, 'group', s.state_group) order by s.position, s.key), '[]')
                                from taskodex.workflow_states s
                               where s.tenant_id = p.tenant_id and s.project_id = p.id))
          from taskodex.projects p where p.tenant_id = $1 and p.id = $2) as project,
       exists (select 1 from platform.memberships
                where tenant_id = platform.current_tenant_id() and user_id = $4 and status = 'active')
         as assignee_active,
       exists (select 1 from taskodex.project_members
                where tenant_id = $1 and project_id = $2 and user_id = $4) as assignee_in_project,
       (select json_build_object(
                 'projectId', t.project_id, 'isPrivate', coalesce(pp.is_private, false),
                 'callerIsMember', exists (select 1 from taskodex.project_members m
                                            where m.tenant_id = t.tenant_id and m.project_id = t.project_id
                                              and m.user_id = $3))
          from taskodex.tasks t
          left join taskodex.projects pp on pp.tenant_id = t.tenant_id and pp.id = t.project_id
         where t.tenant_id = $1 and t.id = $5 and t.deleted_at is null) as parent`,
    [
      principal.tenantId,
      query.projectId,
      principal.principalType === 'user' ? principal.principalId : null,
      query.assigneeId ?? null,
      query.parentId ?? null,
    ],
  );
  const row = rows[0];
  return {
    project: row?.project ?? null,
    assigneeActive: row?.assignee_active ?? false,
    assigneeInProject: row?.assignee_in_project ?? false,
    parent: row?.parent ?? null,
  };
}
