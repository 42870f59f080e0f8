import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { ListTimeEntriesQuery, TimeEntry } from './time-entry-schemas';

/**
 * SQL for time entries. Every statement filters by tenant_id (RLS is the
 * backstop). Reads join the entry's timesheet week so `lockedReason` is
 * always computed from the current week status, never stored twice.
 */
interface TimeEntryRow {
  id: string;
  user_id: string;
  task_id: string | null;
  project_id: string | null;
  description: string;
  started_at: Date;
  ended_at: Date | null;
  duration_seconds: number | null;
  billable: boolean;
  tags: string[];
  exported_at: Date | null;
  invoiced_at: Date | null;
  locked_reason: TimeEntry['lockedReason'];
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The ISO week (Monday, UTC) an entry belongs to: the week of its start. */
export const ENTRY_WEEK_SQL = `(date_trunc('week', e.started_at at time zone 'UTC'))::date`;

const selectEntries = (extra?: string) => `
  select ${extra ? `${extra}, ` : ''}e.id, e.user_id, e.task_id, e.project_id, e.description, e.started_at, e.ended_at,
         e.duration_seconds, e.billable, e.tags, e.exported_at, e.invoiced_at, e.version,
         e.created_at, e.updated_at,
         case when e.invoiced_at is not null then 'invoiced'
              when e.exported_at is not null then 'exported'
              when s.status = 'approved' then 'timesheet_approved'
              when s.status = 'submitted' then 'timesheet_submitted' end as locked_reason
    from taskodex.time_entries e
    left join taskodex.timesheets s
      on s.tenant_id = e.tenant_id and s.user_id = e.user_id and s.week_start = ${ENTRY_WEEK_SQL}
     and s.status in ('submitted', 'approved')`;

const SELECT = selectEntries();

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toTimeEntry(row: TimeEntryRow): TimeEntry {
  return {
    id: row.id,
    userId: row.user_id,
    taskId: row.task_id,
    projectId: row.project_id,
    description: row.description,
    startedAt: row.started_at.toISOString(),
    endedAt: iso(row.ended_at),
    durationSeconds: row.duration_seconds,
    running: row.ended_at === null,
    billable: row.billable,
    tags: row.tags,
    exportedAt: iso(row.exported_at),
    invoicedAt: iso(row.invoiced_at),
    lockedReason: row.locked_reason,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface NewTimeEntry {
  tenantId: string;
  id: string;
  userId: string;
  taskId: string | null;
  projectId: string | null;
  description: string;
  startedAt: Date;
  endedAt: Date | null;
  billable: boolean;
  tags: string[];
}

export async function insertTimeEntry(tx: Tx, entry: NewTimeEntry): Promise<void> {
  await tx.query(
    `insert into taskodex.time_entries
       (tenant_id, id, user_id, task_id, project_id, description, started_at, ended_at, billable, tags)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      entry.tenantId,
      entry.id,
      entry.userId,
      entry.taskId,
      entry.projectId,
      entry.description,
      entry.startedAt,
      entry.endedAt,
      entry.billable,
      entry.tags,
    ],
  );
}

/** `forUpdate` locks the entry row (not its timesheet) until the transaction ends. */
export async function findTimeEntry(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TimeEntry | undefined> {
  const { rows } = await tx.query<TimeEntryRow>(
    `${SELECT} where e.tenant_id = $1 and e.id = $2 and e.deleted_at is null${options.forUpdate ? ' for update of e' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toTimeEntry(rows[0]) : undefined;
}

/**
 * Serialises timer starts and stops of one user: two "start" calls at once
 * queue here, so the second stops the first's new timer instead of
 * colliding on the one-running-timer index.
 */
export async function lockUserTimer(tx: Tx, tenantId: string, userId: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`timer:${tenantId}:${userId}`]);
}

export async function findRunningEntry(
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<TimeEntry | undefined> {
  const { rows } = await tx.query<TimeEntryRow>(
    `${SELECT} where e.tenant_id = $1 and e.user_id = $2 and e.ended_at is null and e.deleted_at is null
      for update of e`,
    [tenantId, userId],
  );
  return rows[0] ? toTimeEntry(rows[0]) : undefined;
}

export const TIME_ENTRY_SORTS: Record<string, SortColumn> = {
  startedAt: { sql: 'e.started_at', type: 'timestamptz' },
  createdAt: { sql: 'e.created_at', type: 'timestamptz' },
};
const ID_SORT: SortColumn = { sql: 'e.id', type: 'uuid' };

export async function listTimeEntries(
  tx: Tx,
  tenantId: string,
  query: ListTimeEntriesQuery & { userIds?: string[] },
) {
  const terms = parseSort(query.sort, TIME_ENTRY_SORTS, '-startedAt', ID_SORT);
  const filter = filterOf([tenantId], ['e.tenant_id = $1', 'e.deleted_at is null']);
  const { where, bind } = filter;
  if (query.userIds) where.push(`e.user_id = any(${bind(query.userIds)}::uuid[])`);
  if (query.projectId) where.push(`e.project_id = ${bind(query.projectId)}`);
  if (query.taskId) where.push(`e.task_id = ${bind(query.taskId)}`);
  if (query.from) where.push(`e.started_at >= ${bind(query.from)}::date::timestamp at time zone 'UTC'`);
  if (query.to) where.push(`e.started_at < (${bind(query.to)}::date + 1)::timestamp at time zone 'UTC'`);
  if (query.billable !== undefined) where.push(`e.billable = ${bind(query.billable)}`);
  if (query.running !== undefined)
    where.push(query.running ? 'e.ended_at is null' : 'e.ended_at is not null');
  return selectPage(tx, filter, {
    select: selectEntries,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: TimeEntryRow & Record<string, unknown>) => toTimeEntry(row),
  });
}

/** Every finished entry of a user in [from, to) by start, oldest first (timesheets). */
export async function entriesBetween(
  tx: Tx,
  tenantId: string,
  userId: string,
  from: Date,
  to: Date,
): Promise<TimeEntry[]> {
  const { rows } = await tx.query<TimeEntryRow>(
    `${SELECT} where e.tenant_id = $1 and e.user_id = $2 and e.deleted_at is null
        and e.started_at >= $3 and e.started_at < $4
      order by e.started_at, e.id`,
    [tenantId, userId, from, to],
  );
  return rows.map(toTimeEntry);
}

export interface TimeEntryChanges {
  taskId?: string | null;
  projectId?: string | null;
  description?: string;
  startedAt?: Date;
  endedAt?: Date | null;
  billable?: boolean;
  tags?: string[];
}

const UPDATABLE: Record<keyof TimeEntryChanges, string> = {
  taskId: 'task_id',
  projectId: 'project_id',
  description: 'description',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  billable: 'billable',
  tags: 'tags',
};

/** Applies the change only at `version` (undefined: stale); returns whether a row changed. */
export async function updateTimeEntry(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number | undefined,
  changes: TimeEntryChanges,
): Promise<boolean> {
  const params: unknown[] = [tenantId, id];
  const sets: string[] = [];
  for (const [field, column] of Object.entries(UPDATABLE)) {
    const value = changes[field as keyof TimeEntryChanges];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  let versionCheck = '';
  if (version !== undefined) {
    params.push(version);
    versionCheck = ` and version = $${params.length}`;
  }
  const { rowCount } = await tx.query(
    `update taskodex.time_entries
        set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
      where tenant_id = $1 and id = $2 and deleted_at is null${versionCheck}`,
    params,
  );
  return (rowCount ?? 0) > 0;
}

export async function softDeleteTimeEntry(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query(
    `update taskodex.time_entries set deleted_at = now(), updated_at = now(), version = version + 1
      where tenant_id = $1 and id = $2 and deleted_at is null`,
    [tenantId, id],
  );
}

/** Live entries among `ids`, locked for the change (mark as exported/invoiced). */
export async function findTimeEntriesForUpdate(
  tx: Tx,
  tenantId: string,
  ids: string[],
): Promise<TimeEntry[]> {
  const { rows } = await tx.query<TimeEntryRow>(
    `${SELECT} where e.tenant_id = $1 and e.id = any($2::uuid[]) and e.deleted_at is null
      order by e.id for update of e`,
    [tenantId, ids],
  );
  return rows.map(toTimeEntry);
}

/** Stamps exported_at / invoiced_at once; an entry already stamped keeps its first time. */
export async function markTimeEntries(
  tx: Tx,
  tenantId: string,
  ids: string[],
  as: 'exported' | 'invoiced',
): Promise<void> {
  const column = as === 'exported' ? 'exported_at' : 'invoiced_at';
  await tx.query(
    `update taskodex.time_entries
        set ${column} = coalesce(${column}, now()), version = version + 1, updated_at = now()
      where tenant_id = $1 and id = any($2::uuid[]) and deleted_at is null and ${column} is null`,
    [tenantId, ids],
  );
}

export interface ProjectBilling {
  billable: boolean;
  archived: boolean;
}

/** What time tracking needs from a project: its billable default and whether it takes time still. */
export async function findProjectBilling(
  tx: Tx,
  tenantId: string,
  projectId: string,
): Promise<ProjectBilling | undefined> {
  const { rows } = await tx.query<{ billable: boolean; status: string }>(
    'select billable, status from taskodex.projects where tenant_id = $1 and id = $2',
    [tenantId, projectId],
  );
  const row = rows[0];
  return row ? { billable: row.billable, archived: row.status === 'archived' } : undefined;
}

export interface EntryNames {
  users: Map<string, string>;
  projects: Map<string, string>;
  tasks: Map<string, string>;
}

/**
 * Readable names for a spreadsheet of entries, so it stands without the API:
 * a user's name (or email), `KEY · Project name`, `KEY-12 Task title`.
 * Deleted tasks keep their name here: the time was spent on them.
 */
export async function entryNames(
  tx: Tx,
  tenantId: string,
  entries: readonly TimeEntry[],
): Promise<EntryNames> {
  const distinct = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))];
  const { rows } = await tx.query<{ kind: keyof EntryNames; id: string; name: string }>(
    `select 'users' as kind, u.id::text as id, coalesce(nullif(u.name, ''), u.email) as name
       from platform.users u where u.id = any($2::uuid[])
     union all
     select 'projects', p.id::text, p.key || ' · ' || p.name
       from taskodex.projects p where p.tenant_id = $1 and p.id = any($3::uuid[])
     union all
     select 'tasks', t.id::text, coalesce(p.key, 'TASK') || '-' || t.sequence || ' ' || t.title
       from taskodex.tasks t
       left join taskodex.projects p on p.tenant_id = t.tenant_id and p.id = t.project_id
      where t.tenant_id = $1 and t.id = any($4::uuid[])`,
    [
      tenantId,
      distinct(entries.map((entry) => entry.userId)),
      distinct(entries.map((entry) => entry.projectId)),
      distinct(entries.map((entry) => entry.taskId)),
    ],
  );
  const names: EntryNames = { users: new Map(), projects: new Map(), tasks: new Map() };
  for (const row of rows) names[row.kind].set(row.id, row.name);
  return names;
}
