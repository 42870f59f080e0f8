import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { type ProjectRow as BaseProjectRow, projectColumns, projectFromRow } from '../domain/project-row';
import type {
  CreateProjectInput,
  ListProjectsQuery,
  Member,
  Project,
  UpdateProjectInput,
} from '../domain/project-schemas';

/**
 * SQL for projects and their members. Every statement filters by tenant_id
 * (RLS is the backstop). `$me` parameters are the caller's user id, used to
 * answer `myRole` and to hide private projects from non-members.
 */
interface ProjectRow extends BaseProjectRow {
  my_role: Project['myRole'];
}

/** `$2` is always the caller's user id (null for API keys). */
const COLUMNS = `${projectColumns('p')},
  (select m.role from taskodex.project_members m
    where m.tenant_id = p.tenant_id and m.project_id = p.id and m.user_id = $2) as my_role`;

function toProject(row: ProjectRow): Project {
  return { ...projectFromRow(row), myRole: row.my_role ?? null };
}

export async function insertProject(
  tx: Tx,
  project: Omit<CreateProjectInput, 'states'> & { id: string; tenantId: string; createdBy: string },
): Promise<void> {
  await tx.query(
    `insert into taskodex.projects
       (tenant_id, id, key, name, description, lead_id, status, is_private, start_date, target_date,
        client_name, billable, hourly_rate, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      project.tenantId,
      project.id,
      project.key,
      project.name,
      project.description,
      project.leadId,
      project.status,
      project.isPrivate,
      project.startDate,
      project.targetDate,
      project.clientName,
      project.billable,
      project.hourlyRate,
      project.createdBy,
    ],
  );
}

export async function findProject(
  tx: Tx,
  tenantId: string,
  me: string | null,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Project | undefined> {
  const { rows } = await tx.query<ProjectRow>(
    `select ${COLUMNS} from taskodex.projects p where p.tenant_id = $1 and p.id = $3${
      options.forUpdate ? ' for update of p' : ''
    }`,
    [tenantId, me, id],
  );
  return rows[0] ? toProject(rows[0]) : undefined;
}

export const PROJECT_SORTS: Record<string, SortColumn> = {
  name: { sql: 'lower(p.name)', type: 'text' },
  key: { sql: 'p.key', type: 'text' },
  createdAt: { sql: 'p.created_at', type: 'timestamptz' },
  updatedAt: { sql: 'p.updated_at', type: 'timestamptz' },
};

/** Projects the caller may see: public ones, ones they belong to, or all of them for Taskodex admins. */
export async function listProjects(
  tx: Tx,
  tenantId: string,
  me: string | null,
  seesAll: boolean,
  query: ListProjectsQuery,
) {
  const terms = parseSort(query.sort, PROJECT_SORTS, 'name', { sql: 'p.id', type: 'uuid' });
  const filter = filterOf([tenantId, me], ['p.tenant_id = $1']);
  const { params, where, bind } = filter;
  if (!seesAll)
    where.push(`(not p.is_private or exists (select 1 from taskodex.project_members m
                  where m.tenant_id = p.tenant_id and m.project_id = p.id and m.user_id = $2))`);
  where.push(`p.status = any(${bind(query.status ?? ['active', 'on_hold', 'completed'])}::text[])`);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    where.push(`(p.name ilike ${bind(pattern)} or p.key ilike $${params.length})`);
  }
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from taskodex.projects p`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: ProjectRow & Record<string, unknown>) => toProject(row),
  });
}

const UPDATABLE: Record<Exclude<keyof UpdateProjectInput, 'version'>, string> = {
  name: 'name',
  description: 'description',
  leadId: 'lead_id',
  status: 'status',
  isPrivate: 'is_private',
  startDate: 'start_date',
  targetDate: 'target_date',
  clientName: 'client_name',
  billable: 'billable',
  hourlyRate: 'hourly_rate',
};

export type ProjectChanges = Omit<UpdateProjectInput, 'version' | 'status'> & {
  status?: Project['status'];
  archivedAt?: Date | null;
};

/** Applies the change only at `version`; false means stale. */
export async function updateProject(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  changes: ProjectChanges,
): Promise<boolean> {
  const params: unknown[] = [tenantId, id, version];
  const sets: string[] = [];
  const entries: [string, string][] = [...Object.entries(UPDATABLE), ['archivedAt', 'archived_at']];
  for (const [field, column] of entries) {
    const value = (changes as Record<string, unknown>)[field];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  const { rowCount } = await tx.query(
    `update taskodex.projects set ${sets.join(', ')}, version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2 and version = $3`,
    params,
  );
  return (rowCount ?? 0) > 0;
}

/** Bumps version and updated_at: a change to the project's members or workflow is a change to the project. */
export async function touchProject(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query(
    'update taskodex.projects set version = version + 1, updated_at = now() where tenant_id = $1 and id = $2',
    [tenantId, id],
  );
}

interface MemberRow {
  user_id: string;
  role: Member['role'];
  created_at: Date;
}
const toMember = (row: MemberRow): Member => ({
  userId: row.user_id,
  role: row.role,
  createdAt: row.created_at.toISOString(),
});

export async function listMembers(tx: Tx, tenantId: string, projectId: string): Promise<Member[]> {
  const { rows } = await tx.query<MemberRow>(
    `select user_id, role, created_at from taskodex.project_members
      where tenant_id = $1 and project_id = $2 order by created_at, user_id`,
    [tenantId, projectId],
  );
  return rows.map(toMember);
}

/** Adds the member or changes their role; returns the row and whether it is new. */
export async function upsertMember(
  tx: Tx,
  tenantId: string,
  projectId: string,
  userId: string,
  role: Member['role'],
): Promise<{ member: Member; added: boolean }> {
  const { rows } = await tx.query<MemberRow & { added: boolean }>(
    `insert into taskodex.project_members (tenant_id, project_id, user_id, role) values ($1, $2, $3, $4)
     on conflict (tenant_id, project_id, user_id) do update set role = excluded.role
     returning user_id, role, created_at, (xmax = 0) as added`,
    [tenantId, projectId, userId, role],
  );
  const row = rows[0] as MemberRow & { added: boolean };
  return { member: toMember(row), added: row.added };
}

export async function findMember(
  tx: Tx,
  tenantId: string,
  projectId: string,
  userId: string,
): Promise<Member | undefined> {
  const { rows } = await tx.query<MemberRow>(
    `select user_id, role, created_at from taskodex.project_members
      where tenant_id = $1 and project_id = $2 and user_id = $3 for update`,
    [tenantId, projectId, userId],
  );
  return rows[0] ? toMember(rows[0]) : undefined;
}

export async function deleteMember(
  tx: Tx,
  tenantId: string,
  projectId: string,
  userId: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    'delete from taskodex.project_members where tenant_id = $1 and project_id = $2 and user_id = $3',
    [tenantId, projectId, userId],
  );
  return (rowCount ?? 0) > 0;
}

export async function countAdmins(tx: Tx, tenantId: string, projectId: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    `select count(*)::int as n from taskodex.project_members
      where tenant_id = $1 and project_id = $2 and role = 'admin'`,
    [tenantId, projectId],
  );
  return rows[0]?.n ?? 0;
}

/** Live tasks per state key of a project. */
export async function taskCountsByStatus(
  tx: Tx,
  tenantId: string,
  projectId: string,
): Promise<Map<string, number>> {
  const { rows } = await tx.query<{ status: string; n: number }>(
    `select status, count(*)::int as n from taskodex.tasks
      where tenant_id = $1 and project_id = $2 and deleted_at is null group by status`,
    [tenantId, projectId],
  );
  return new Map(rows.map((row) => [row.status, row.n]));
}

/** Labels in use on the project's live tasks, most used first. */
export async function projectLabels(tx: Tx, tenantId: string, projectId: string) {
  const { rows } = await tx.query<{ name: string; task_count: number }>(
    `select label as name, count(*)::int as task_count
       from taskodex.tasks, unnest(labels) as label
      where tenant_id = $1 and project_id = $2 and deleted_at is null
      group by label order by count(*) desc, label limit 500`,
    [tenantId, projectId],
  );
  return rows.map((row) => ({ name: row.name, taskCount: row.task_count }));
}
