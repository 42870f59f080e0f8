import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { Project } from '../domain/project';
import { type ProjectRow, projectColumns, projectFromRow } from '../domain/project-row';
import type { Task } from '../domain/task-schemas';
import { type DealProject, type ListDealProjectsQuery, MAX_TEMPLATE_TASKS, ORIGIN } from './schemas';

/** SQL for projects made from won deals; every statement filters by tenant_id (RLS is the backstop). */

/** Serialises the deal's project creation: two events for one deal queue here, the second finds the first's project. */
export async function lockOrigin(tx: Tx, tenantId: string, opportunityId: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `taskodex.deal-project:${tenantId}:${opportunityId}`,
  ]);
}

export async function projectOfDeal(
  tx: Tx,
  tenantId: string,
  opportunityId: string,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from taskodex.projects
      where tenant_id = $1 and origin_product = $2 and origin_type = $3 and origin_id = $4`,
    [tenantId, ORIGIN.product, ORIGIN.type, opportunityId],
  );
  return rows[0]?.id;
}

/** Whether the template project exists in the tenant. */
export async function templateExists(tx: Tx, tenantId: string, projectId: string): Promise<boolean> {
  const { rowCount } = await tx.query('select 1 from taskodex.projects where tenant_id = $1 and id = $2', [
    tenantId,
    projectId,
  ]);
  return (rowCount ?? 0) > 0;
}

/** Keys starting with `base`, to pick a free one. */
export async function keysLike(tx: Tx, tenantId: string, base: string): Promise<Set<string>> {
  const { rows } = await tx.query<{ key: string }>(
    `select key from taskodex.projects where tenant_id = $1 and key like $2 || '%'`,
    [tenantId, base],
  );
  return new Set(rows.map((row) => row.key));
}

export async function insertDealProject(
  tx: Tx,
  project: {
    tenantId: string;
    id: string;
    key: string;
    name: string;
    description: string;
    leadId: string | null;
    createdBy: string;
    opportunityId: string;
  },
): Promise<void> {
  await tx.query(
    `insert into taskodex.projects
       (tenant_id, id, key, name, description, lead_id, created_by, origin_product, origin_type, origin_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      project.tenantId,
      project.id,
      project.key,
      project.name,
      project.description,
      project.leadId,
      project.createdBy,
      ORIGIN.product,
      ORIGIN.type,
      project.opportunityId,
    ],
  );
  await tx.query(
    `insert into taskodex.project_members (tenant_id, project_id, user_id, role) values ($1, $2, $3, 'admin')`,
    [project.tenantId, project.id, project.createdBy],
  );
}

export interface TemplateTask {
  title: string;
  description: string;
  status: string;
  priority: Task['priority'];
  labels: string[];
  estimate_hours: string | null;
}

/** The template's open tasks (not completed, cancelled or deleted), in its order. */
export async function openTemplateTasks(
  tx: Tx,
  tenantId: string,
  templateId: string,
): Promise<TemplateTask[]> {
  const { rows } = await tx.query<TemplateTask>(
    `select title, description, status, priority, labels, estimate_hours
       from taskodex.tasks
      where tenant_id = $1 and project_id = $2 and deleted_at is null
        and status_group not in ('completed', 'cancelled')
      order by sequence
      limit ${MAX_TEMPLATE_TASKS}`,
    [tenantId, templateId],
  );
  return rows;
}

/** The project as Taskodex's `project.created` carries it. */
export async function projectSnapshot(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<Omit<Project, 'myRole'>> {
  const { rows } = await tx.query<ProjectRow>(
    `select ${projectColumns('p')} from taskodex.projects p where p.tenant_id = $1 and p.id = $2`,
    [tenantId, id],
  );
  return projectFromRow(rows[0] as ProjectRow);
}

const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

/** Projects made from deals, newest first, without the private ones the caller cannot see. */
export function selectDealProjects(tx: Tx, tenantId: string, hidden: string[], query: ListDealProjectsQuery) {
  const terms = parseSort(undefined, SORTS, '-createdAt');
  const filter = filterOf(
    [tenantId, ORIGIN.product, ORIGIN.type, hidden],
    ['tenant_id = $1', 'origin_product = $2', 'origin_type = $3', 'id <> all($4::uuid[])'],
  );
  if (query.opportunityId) filter.where.push(`origin_id = ${filter.bind(query.opportunityId)}`);
  return selectPage(tx, filter, {
    select: (sortValues) =>
      `select id, key, name, origin_id, created_at, ${sortValues} from taskodex.projects`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: {
      id: string;
      key: string;
      name: string;
      origin_id: string;
      created_at: Date;
    }): DealProject => ({
      opportunityId: row.origin_id,
      projectId: row.id,
      key: row.key,
      name: row.name,
      createdAt: row.created_at.toISOString(),
    }),
  });
}
