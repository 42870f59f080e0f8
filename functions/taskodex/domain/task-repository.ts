import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { ListTasksQuery, Task } from './task-schemas';

/**
 * SQL for tasks. Every statement filters by tenant_id even though row-level
 * security already does: the filter lets Postgres use the tenant-leading
 * indexes, and RLS stays the backstop for a query that forgets it.
 */
interface TaskRow {
  id: string;
  identifier: string;
  title: string;
  description: string;
  status: string;
  status_group: Task['statusGroup'];
  priority: Task['priority'];
  assignee_id: string | null;
  start_date: string | null;
  due_date: string | null;
  estimate_hours: string | null;
  labels: string[];
  project_id: string | null;
  parent_id: string | null;
  position: number;
  completed_at: Date | null;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** Every statement aliases the table as `t`; the identifier prefix is the project's key (TASK outside projects). */
const COLUMNS = `t.id,
  coalesce((select p.key from taskodex.projects p where p.tenant_id = t.tenant_id and p.id = t.project_id), 'TASK')
    || '-' || t.sequence as identifier,
  t.title, t.description, t.status, t.status_group, t.priority, t.assignee_id, t.start_date, t.due_date,
  t.estimate_hours, t.labels, t.project_id, t.parent_id, t.position, t.completed_at,
  t.version, t.created_by, t.created_at, t.updated_at`;

export const TASK_SORTS: Record<string, SortColumn> = {
  createdAt: { sql: 'created_at', type: 'timestamptz' },
  updatedAt: { sql: 'updated_at', type: 'timestamptz' },
  // Tasks without a due date sort after every dated task.
  dueDate: { sql: "coalesce(due_date, 'infinity'::date)", type: 'date' },
  priority: { sql: 'priority_rank', type: 'int' },
  title: { sql: 'lower(title)', type: 'text' },
  position: { sql: 'position', type: 'float8' },
  // The number of `WEB-42`: the order tasks were filed in, as Jira's key sort.
  number: { sql: 'sequence', type: 'int' },
};
export const DEFAULT_TASK_SORT = '-createdAt';

export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    identifier: row.identifier,
    title: row.title,
    description: row.description,
    status: row.status,
    statusGroup: row.status_group,
    priority: row.priority,
    assigneeId: row.assignee_id,
    startDate: row.start_date,
    dueDate: row.due_date,
    estimateHours: row.estimate_hours === null ? null : Number(row.estimate_hours),
    labels: row.labels,
    projectId: row.project_id,
    parentId: row.parent_id,
    position: row.position,
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A new task row; its number, status group and completedAt come from the table's trigger (see 0002). */
export interface NewTaskRow {
  id: string;
  tenantId: string;
  createdBy: string;
  title: string;
  description: string;
  status: string;
  priority: Task['priority'];
  assigneeId: string | null;
  startDate: string | null;
  dueDate: string | null;
  estimateHours: number | null;
  labels: string[];
  projectId: string | null;
  parentId: string | null;
  position: number;
}

/** $1–$13 of both inserts below, in their column order. */
function rowValues(task: Omit<NewTaskRow, 'position'>): unknown[] {
  return [
    task.tenantId,
    task.id,
    task.title,
    task.description,
    task.status,
    task.priority,
    task.assigneeId,
    task.startDate,
    task.dueDate,
    task.estimateHours,
    task.labels,
    task.projectId,
    task.parentId,
  ];
}

/**
 * The plain insert, with the position given: the bench's bare baseline server
 * (bench/throughput.ts) measures this one statement against the real create.
 */
export async function insertTask(tx: Tx, task: NewTaskRow): Promise<Task> {
  const { rows } = await tx.query<TaskRow>(
    `insert into taskodex.tasks as t
       (tenant_id, id, title, description, status, priority, assignee_id, start_date, due_date, estimate_hours,
        labels, project_id, parent_id, position, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     returning ${COLUMNS}`,
    [...rowValues(task), task.position, task.createdBy],
  );
  return toTask(rows[0] as TaskRow);
}

/**
 * A created task and its `created` timeline entry in one statement, placed
 * at the end of its board column (the column's last position + 1024, the
 * board's gap). The trigger allocates the number from the counter row and
 * holds that row's lock until commit, so what follows the insert in the
 * transaction is what other creates of the project (or tenant) wait for:
 * writing the timeline entry here leaves only the outbox insert and COMMIT.
 */
export async function insertCreatedTask(
  tx: Tx,
  task: Omit<NewTaskRow, 'position'>,
  activityId: string,
): Promise<Task> {
  const { rows } = await tx.query<TaskRow>(
    `with t as (
       insert into taskodex.tasks as t
         (tenant_id, id, title, description, status, priority, assignee_id, start_date, due_date, estimate_hours,
          labels, project_id, parent_id, position, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
               coalesce((select max(c.position) from taskodex.tasks c
                          where c.tenant_id = $1 and c.project_id is not distinct from $12 and c.status = $5
                            and c.deleted_at is null), 0) + 1024,
               $14)
       returning ${COLUMNS}),
     a as (
       insert into taskodex.task_activity (tenant_id, id, task_id, actor_id, kind, to_value, created_at)
       select $1, $15, t.id, $14, 'created',
              jsonb_build_object('identifier', t.identifier, 'title', t.title, 'status', t.status), clock_timestamp()
         from t)
     select * from t`,
    [...rowValues(task), task.createdBy, activityId],
  );
  return toTask(rows[0] as TaskRow);
}

/**
 * `forUpdate` locks the row until the transaction ends, so the state read
 * before a change is exactly the state the change applies to (the events
 * describe what changed from it).
 */
export async function findTask(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Task | undefined> {
  const { rows } = await tx.query<TaskRow>(
    `select ${COLUMNS} from taskodex.tasks t where t.tenant_id = $1 and t.id = $2 and t.deleted_at is null${
      options.forUpdate ? ' for update of t' : ''
    }`,
    [tenantId, id],
  );
  return rows[0] ? toTask(rows[0]) : undefined;
}

/** Turns free text into a prefix-matching tsquery: "fix log" → `fix:* & log:*`. Only letters and digits survive. */
export function toPrefixQuery(text: string): string | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length
    ? words
        .slice(0, 10)
        .map((word) => `${word}:*`)
        .join(' & ')
    : undefined;
}

/** `WEB-42` (any case) as a project key and number; `TASK-7` is a task outside projects. */
export function parseIdentifier(text: string): { key: string; sequence: number } | undefined {
  const match = /^\s*([A-Za-z][A-Za-z0-9]{1,9})-(\d{1,9})\s*$/.exec(text);
  return match ? { key: (match[1] as string).toUpperCase(), sequence: Number(match[2]) } : undefined;
}

/**
 * `q` matches words of the title and description by prefix, or, when it is
 * a task number like `WEB-42`, that task too: people paste numbers into the
 * search box the way they do in Jira or Plane.
 */
function searchCondition(q: string, bind: (value: unknown) => string): string {
  const tsquery = toPrefixQuery(q);
  const words = tsquery ? `search @@ to_tsquery('simple', ${bind(tsquery)})` : 'false';
  const identifier = parseIdentifier(q);
  if (!identifier) return words;
  const project =
    identifier.key === 'TASK'
      ? 'project_id is null'
      : `project_id = (select p.id from taskodex.projects p where p.tenant_id = t.tenant_id and p.key = ${bind(identifier.key)})`;
  return `(${words} or (sequence = ${bind(identifier.sequence)} and ${project}))`;
}

/**
 * One page of tasks. `hiddenProjects` are the private projects the caller may
 * not see; excluding them is a filter on the same tenant-leading index scan,
 * so a deep keyset page costs what the first one does.
 */
export async function listTasks(
  tx: Tx,
  tenantId: string,
  query: ListTasksQuery,
  hiddenProjects: string[] = [],
) {
  const terms = parseSort(query.sort, TASK_SORTS, DEFAULT_TASK_SORT);
  const filter = filterOf([tenantId], ['tenant_id = $1', 'deleted_at is null']);
  const { where, bind } = filter;
  if (hiddenProjects.length)
    where.push(`(project_id is null or project_id <> all(${bind(hiddenProjects)}::uuid[]))`);
  if (query.status) where.push(`status = any(${bind(query.status)}::text[])`);
  if (query.statusGroup) where.push(`status_group = any(${bind(query.statusGroup)}::text[])`);
  if (query.priority) where.push(`priority = any(${bind(query.priority)}::text[])`);
  if (query.assigneeId) where.push(`assignee_id = ${bind(query.assigneeId)}`);
  if (query.projectId) where.push(`project_id = ${bind(query.projectId)}`);
  if (query.parentId) where.push(`parent_id = ${bind(query.parentId)}`);
  if (query.label) where.push(`labels @> array[${bind(query.label)}::text]`);
  if (query.q) where.push(searchCondition(query.q, bind));
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from taskodex.tasks t`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: TaskRow & Record<string, unknown>) => toTask(row),
  });
}

/** The fields a change may set, by column. */
export interface TaskChanges {
  title?: string;
  description?: string;
  status?: string;
  priority?: Task['priority'];
  assigneeId?: string | null;
  startDate?: string | null;
  dueDate?: string | null;
  estimateHours?: number | null;
  labels?: string[];
  projectId?: string | null;
  parentId?: string | null;
  position?: number;
}

const UPDATABLE: Record<keyof TaskChanges, string> = {
  title: 'title',
  description: 'description',
  status: 'status',
  priority: 'priority',
  assigneeId: 'assignee_id',
  startDate: 'start_date',
  dueDate: 'due_date',
  estimateHours: 'estimate_hours',
  labels: 'labels',
  projectId: 'project_id',
  parentId: 'parent_id',
  position: 'position',
};

/** Applies the change only if the row is still at `version`; undefined means missing or stale. */
export async function updateTask(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  changes: TaskChanges,
): Promise<Task | undefined> {
  const params: unknown[] = [tenantId, id, version];
  const sets: string[] = [];
  for (const [field, column] of Object.entries(UPDATABLE)) {
    const value = changes[field as keyof TaskChanges];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  const { rows } = await tx.query<TaskRow>(
    `update taskodex.tasks t
        set ${sets.join(', ')}, version = version + 1, updated_at = now()
      where t.tenant_id = $1 and t.id = $2 and t.version = $3 and t.deleted_at is null
      returning ${COLUMNS}`,
    params,
  );
  return rows[0] ? toTask(rows[0]) : undefined;
}

/**
 * Moves every task of a project out of states a workflow replacement removes
 * (`moves`: from → to), set-based, as a status change moves one: to the end
 * of the target column (in the order of `moves`, then their old order), one
 * version up; the trigger sets group and completedAt. The rows are locked in
 * id order first, as a bulk update locks them, and come back as they were
 * and as they are, in id order.
 */
export async function moveTasksOutOfStates(
  tx: Tx,
  tenantId: string,
  projectId: string,
  moves: ReadonlyMap<string, string>,
): Promise<{ before: Task; after: Task }[]> {
  if (moves.size === 0) return [];
  const locked = await tx.query<TaskRow>(
    `select ${COLUMNS} from taskodex.tasks t
      where t.tenant_id = $1 and t.project_id = $2 and t.status = any($3::text[]) and t.deleted_at is null
      order by t.id for update of t`,
    [tenantId, projectId, [...moves.keys()]],
  );
  if (locked.rows.length === 0) return [];
  // 1024: the board's gap between cards (POSITION_GAP), as respaceColumn spaces a column.
  const { rows } = await tx.query<TaskRow>(
    `with m as (select * from unnest($3::text[], $4::text[]) with ordinality as m(from_status, to_status, rank)),
          moved as (
            select t.id, m.to_status,
                   row_number() over (partition by m.to_status order by m.rank, t.position, t.id) as n
              from taskodex.tasks t join m on m.from_status = t.status
             where t.tenant_id = $1 and t.project_id = $2 and t.deleted_at is null and t.id = any($5::uuid[])),
          ends as (
            select c.status, max(c.position) as last from taskodex.tasks c
             where c.tenant_id = $1 and c.project_id = $2 and c.status = any($4::text[]) and c.deleted_at is null
             group by c.status)
     update taskodex.tasks t
        set status = moved.to_status, position = coalesce(ends.last, 0) + moved.n * 1024,
            version = t.version + 1, updated_at = now()
       from moved left join ends on ends.status = moved.to_status
      where t.tenant_id = $1 and t.id = moved.id
      returning ${COLUMNS}`,
    [tenantId, projectId, [...moves.keys()], [...moves.values()], locked.rows.map((row) => row.id)],
  );
  // Only the rows locked above move (`$5`): a task another transaction moved into a
  // removed state after the lock keeps it rather than moving without a trace.
  const after = new Map(rows.map((row) => [row.id, toTask(row)]));
  return locked.rows.flatMap((row) => {
    const moved = after.get(row.id);
    return moved ? [{ before: toTask(row), after: moved }] : [];
  });
}

/** Soft delete: the row stays for history and audit, invisible to every read. */
export async function softDeleteTask(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update taskodex.tasks set deleted_at = now(), updated_at = now(), version = version + 1
      where tenant_id = $1 and id = $2 and deleted_at is null`,
    [tenantId, id],
  );
  return (rowCount ?? 0) > 0;
}

/** The board column's positions: the neighbours a moved task lands between. */
export async function columnPositions(
  tx: Tx,
  tenantId: string,
  column: { projectId: string | null; status: string; excludeId: string },
  around: { after?: number; before?: number },
): Promise<{ previous: number | null; next: number | null; last: number | null }> {
  const { rows } = await tx.query<{ previous: number | null; next: number | null; last: number | null }>(
    `select (select max(position) from taskodex.tasks
              where tenant_id = $1 and project_id is not distinct from $2 and status = $3 and deleted_at is null
                and id <> $4 and position < $6) as previous,
            (select min(position) from taskodex.tasks
              where tenant_id = $1 and project_id is not distinct from $2 and status = $3 and deleted_at is null
                and id <> $4 and position > $5) as next,
            (select max(position) from taskodex.tasks
              where tenant_id = $1 and project_id is not distinct from $2 and status = $3 and deleted_at is null
                and id <> $4) as last`,
    [
      tenantId,
      column.projectId,
      column.status,
      column.excludeId,
      around.after ?? null,
      around.before ?? null,
    ],
  );
  return rows[0] ?? { previous: null, next: null, last: null };
}

/** Spreads a column out again (1024 apart, same order) when two neighbours have no room left between them. */
export async function respaceColumn(
  tx: Tx,
  tenantId: string,
  column: { projectId: string | null; status: string },
): Promise<void> {
  await tx.query(
    `update taskodex.tasks t set position = r.n * 1024
       from (select id, row_number() over (order by position, id) as n from taskodex.tasks
              where tenant_id = $1 and project_id is not distinct from $2 and status = $3 and deleted_at is null) r
      where t.tenant_id = $1 and t.id = r.id`,
    [tenantId, column.projectId, column.status],
  );
}

/** True when `candidateId` is `taskId` or one of its ancestors: making it `taskId`'s child would close a cycle. */
export async function isSelfOrAncestor(tx: Tx, tenantId: string, taskId: string, candidateId: string) {
  const { rowCount } = await tx.query(
    `with recursive up (id, parent_id, depth) as (
       select id, parent_id, 1 from taskodex.tasks where tenant_id = $1 and id = $2
       union all
       select t.id, t.parent_id, up.depth + 1 from taskodex.tasks t
         join up on t.tenant_id = $1 and t.id = up.parent_id
        where up.depth < 100)
     select 1 from up where id = $3`,
    [tenantId, taskId, candidateId],
  );
  return (rowCount ?? 0) > 0;
}

export async function hasSubtasks(tx: Tx, tenantId: string, taskId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'select 1 from taskodex.tasks where tenant_id = $1 and parent_id = $2 and deleted_at is null limit 1',
    [tenantId, taskId],
  );
  return (rowCount ?? 0) > 0;
}
