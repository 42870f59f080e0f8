import { pageOf, paginationQuery } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { ValidationError } from '@halooid/shared/errors';
import { isUuid, uuidv7 } from '@halooid/shared/ids';
import * as z from 'zod';

/**
 * The task timeline: who did what to a task, field by field. Entries are
 * written in the same transaction as the change they describe, so the
 * timeline never shows a change that rolled back (nor misses one that
 * committed). Other Taskodex capabilities (comments, relations) call
 * `recordActivity` with their own kinds.
 */
export interface ActivityEntry {
  tenantId: string;
  taskId: string;
  /** The user (or API key) who acted; null for the system. */
  actorId: string | null;
  /** `created`, `updated`, `deleted`, `moved`, or another capability's own (`commented`, `relation_added`…). */
  kind: string;
  /** For `updated`: the task field (camelCase, as in the API). */
  field?: string | null;
  from?: unknown;
  to?: unknown;
}

export function recordActivity(tx: Tx, entry: ActivityEntry): Promise<void> {
  return recordActivities(tx, [entry]);
}

/**
 * Several entries in one statement (a change of many fields, or of many
 * tasks at once), kept in list order: their ids are made in that order and
 * clock_timestamp, unlike now(), moves on row by row — entries of one
 * transaction keep the order they were written in.
 */
export async function recordActivities(tx: Tx, entries: readonly ActivityEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  await tx.query(
    `insert into taskodex.task_activity (tenant_id, id, task_id, actor_id, kind, field, from_value, to_value, created_at)
     select e.tenant_id, e.id, e.task_id, e.actor_id, e.kind, e.field, e.from_value, e.to_value, clock_timestamp()
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[])
              with ordinality as e(tenant_id, id, task_id, actor_id, kind, field, from_value, to_value, n)
      order by e.n`,
    [
      entries.map((entry) => entry.tenantId),
      entries.map(() => uuidv7()),
      entries.map((entry) => entry.taskId),
      entries.map((entry) => entry.actorId),
      entries.map((entry) => entry.kind),
      entries.map((entry) => entry.field ?? null),
      entries.map((entry) => json(entry.from)),
      entries.map((entry) => json(entry.to)),
    ],
  );
}

export const Activity = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  actorId: z.uuid().nullable(),
  kind: z.string(),
  field: z.string().nullable(),
  from: z.unknown().meta({ description: 'The value before (JSON); null when there was none.' }),
  to: z.unknown().meta({ description: 'The value after (JSON); null when there is none.' }),
  createdAt: z.iso.datetime(),
});
export type Activity = z.infer<typeof Activity>;
export const ActivityPage = pageOf(Activity);
export const ListActivityQuery = z.strictObject({
  ...paginationQuery,
  order: z
    .enum(['asc', 'desc'])
    .default('asc')
    .meta({ description: 'Oldest first (asc, the default) or newest first.' }),
});
export type ListActivityQuery = z.output<typeof ListActivityQuery>;

interface ActivityRow {
  id: string;
  task_id: string;
  actor_id: string | null;
  kind: string;
  field: string | null;
  from_value: unknown;
  to_value: unknown;
  created_at: Date;
}

/** The cursor names the last entry seen; the next page starts after that entry's (created_at, id). */
const encode = (row: ActivityRow) => Buffer.from(JSON.stringify({ after: row.id })).toString('base64url');

function decode(cursor: string): string {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value?.after === 'string' && isUuid(value.after)) return value.after;
  } catch {}
  throw new ValidationError('The cursor is not valid for this list; start again without it.', [
    { field: 'query.cursor', message: 'Invalid or expired cursor.', code: 'invalid_cursor' },
  ]);
}

/** One page of a task's timeline, keyset-paginated on (created_at, id). */
export async function listActivity(tx: Tx, tenantId: string, taskId: string, query: ListActivityQuery) {
  const params: unknown[] = [tenantId, taskId];
  const comparison = query.order === 'asc' ? '>' : '<';
  let after = '';
  if (query.cursor) {
    params.push(decode(query.cursor));
    after = `and (created_at, id) ${comparison} (select a.created_at, a.id from taskodex.task_activity a
                                                 where a.tenant_id = $1 and a.task_id = $2 and a.id = $3)`;
  }
  params.push(query.limit + 1);
  const { rows } = await tx.query<ActivityRow>(
    `select id, task_id, actor_id, kind, field, from_value, to_value, created_at
       from taskodex.task_activity
      where tenant_id = $1 and task_id = $2 ${after}
      order by created_at ${query.order}, id ${query.order}
      limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(
      (row): Activity => ({
        id: row.id,
        taskId: row.task_id,
        actorId: row.actor_id,
        kind: row.kind,
        field: row.field,
        from: row.from_value,
        to: row.to_value,
        createdAt: row.created_at.toISOString(),
      }),
    ),
    nextCursor: rows.length > query.limit && last ? encode(last) : null,
  };
}
