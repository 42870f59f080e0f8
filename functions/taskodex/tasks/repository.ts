import {
  afterCursor,
  decodeCursor,
  orderBy,
  parseSort,
  type SortColumn,
  sortValuesSelect,
  toPage,
} from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { CreateTaskInput, ListTasksQuery, Task, UpdateTaskInput } from './schemas';

/**
 * SQL for tasks. Every statement filters by tenant_id even though row-level
 * security already does: the filter lets Postgres use the tenant-leading
 * indexes, and RLS stays the backstop for a query that forgets it.
 */
interface TaskRow {
  id: string;
  title: string;
  description: string;
  status: Task['status'];
  priority: Task['priority'];
  assignee_id: string | null;
  due_date: string | null;
  labels: string[];
  project_id: string | null;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, title, description, status, priority, assignee_id, due_date, labels, project_id,
  version, created_by, created_at, updated_at`;

export const TASK_SORTS: Record<string, SortColumn> = {
  createdAt: { sql: 'created_at', type: 'timestamptz' },
  updatedAt: { sql: 'updated_at', type: 'timestamptz' },
  // Tasks without a due date sort after every dated task.
  dueDate: { sql: "coalesce(due_date, 'infinity'::date)", type: 'date' },
  priority: { sql: 'priority_rank', type: 'int' },
  title: { sql: 'lower(title)', type: 'text' },
};
export const DEFAULT_TASK_SORT = '-createdAt';

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    assigneeId: row.assignee_id,
    dueDate: row.due_date,
    labels: row.labels,
    projectId: row.project_id,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function insertTask(
  tx: Tx,
  task: CreateTaskInput & { id: string; tenantId: string; createdBy: string },
): Promise<Task> {
  const { rows } = await tx.query<TaskRow>(
    `insert into taskodex.tasks
       (tenant_id, id, title, description, status, priority, assignee_id, due_date, labels, project_id, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     returning ${COLUMNS}`,
    [
      task.tenantId,
      task.id,
      task.title,
      task.description,
      task.status,
      task.priority,
      task.assigneeId,
      task.dueDate,
      task.labels,
      task.projectId,
      task.createdBy,
    ],
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
    `select ${COLUMNS} from taskodex.tasks where tenant_id = $1 and id = $2 and deleted_at is null${
      options.forUpdate ? ' for update' : ''
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

export async function listTasks(tx: Tx, tenantId: string, query: ListTasksQuery) {
  const terms = parseSort(query.sort, TASK_SORTS, DEFAULT_TASK_SORT);
  const params: unknown[] = [tenantId];
  const where = ['tenant_id = $1', 'deleted_at is null'];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.status) where.push(`status = any(${bind(query.status)}::text[])`);
  if (query.priority) where.push(`priority = any(${bind(query.priority)}::text[])`);
  if (query.assigneeId) where.push(`assignee_id = ${bind(query.assigneeId)}`);
  if (query.projectId) where.push(`project_id = ${bind(query.projectId)}`);
  if (query.label) where.push(`labels @> array[${bind(query.label)}::text]`);
  const tsquery = query.q ? toPrefixQuery(query.q) : undefined;
  if (query.q) where.push(tsquery ? `search @@ to_tsquery('simple', ${bind(tsquery)})` : 'false');
  if (query.cursor) {
    const cursor = afterCursor(terms, decodeCursor(terms, query.cursor), params.length + 1);
    params.push(...cursor.params);
    where.push(cursor.sql);
  }
  const { rows } = await tx.query<TaskRow & Record<string, unknown>>(
    `select ${COLUMNS}, ${sortValuesSelect(terms)}
       from taskodex.tasks
      where ${where.join(' and ')}
      order by ${orderBy(terms)}
      limit ${bind(query.limit + 1)}`,
    params,
  );
  return toPage(rows, query.limit, terms, toTask);
}

const UPDATABLE: Record<Exclude<keyof UpdateTaskInput, 'version'>, string> = {
  title: 'title',
  description: 'description',
  status: 'status',
  priority: 'priority',
  assigneeId: 'assignee_id',
  dueDate: 'due_date',
  labels: 'labels',
  projectId: 'project_id',
};

/** Applies the change only if the row is still at `version`; undefined means missing or stale. */
export async function updateTask(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  changes: Omit<UpdateTaskInput, 'version'>,
): Promise<Task | undefined> {
  const params: unknown[] = [tenantId, id, version];
  const sets: string[] = [];
  for (const [field, column] of Object.entries(UPDATABLE)) {
    const value = changes[field as keyof typeof UPDATABLE];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  const { rows } = await tx.query<TaskRow>(
    `update taskodex.tasks
        set ${sets.join(', ')}, version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2 and version = $3 and deleted_at is null
      returning ${COLUMNS}`,
    params,
  );
  return rows[0] ? toTask(rows[0]) : undefined;
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
