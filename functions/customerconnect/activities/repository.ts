import { type Filter, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { ActivityLink, ActivityType } from './schemas';

/** SQL for customerconnect.activities and activity_links; every statement filters by tenant_id (RLS is the backstop). */
export interface ActivityRow {
  id: string;
  type: ActivityType;
  subject: string | null;
  body: string | null;
  occurred_at: Date;
  duration_minutes: number | null;
  outcome: string | null;
  done: boolean;
  assignee_id: string | null;
  mentions: string[];
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  links: ActivityLink[];
}

/** An activity as stored (mentions still carry the names typed into them). */
export interface StoredActivity {
  id: string;
  type: ActivityType;
  subject: string | null;
  body: string | null;
  occurredAt: string;
  durationMinutes: number | null;
  outcome: string | null;
  done: boolean;
  assigneeId: string | null;
  mentionedUserIds: string[];
  links: ActivityLink[];
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The columns of `a` plus its links as a JSON array, in a stable order. */
export const ACTIVITY_COLUMNS = `a.id, a.type, a.subject, a.body, a.occurred_at, a.duration_minutes, a.outcome, a.done,
  a.assignee_id, a.mentions, a.created_by, a.version, a.created_at, a.updated_at,
  coalesce((select json_agg(json_build_object('recordType', l.record_type, 'recordId', l.record_id)
                            order by l.record_type, l.record_id)
              from customerconnect.activity_links l
             where l.tenant_id = a.tenant_id and l.activity_id = a.id), '[]'::json) as links`;

export function toActivity(row: ActivityRow): StoredActivity {
  return {
    id: row.id,
    type: row.type,
    subject: row.subject,
    body: row.body,
    occurredAt: row.occurred_at.toISOString(),
    durationMinutes: row.duration_minutes,
    outcome: row.outcome,
    done: row.done,
    assigneeId: row.assignee_id,
    mentionedUserIds: row.mentions,
    links: row.links,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface ActivityFields {
  type: ActivityType;
  subject: string | null;
  body: string | null;
  occurredAt: string | null;
  durationMinutes: number | null;
  outcome: string | null;
  done: boolean;
  assigneeId: string | null;
  mentions: string[];
}

export async function insertActivity(
  tx: Tx,
  tenantId: string,
  id: string,
  createdBy: string | null,
  fields: ActivityFields,
): Promise<void> {
  await tx.query(
    `insert into customerconnect.activities
       (tenant_id, id, type, subject, body, occurred_at, duration_minutes, outcome, done, assignee_id, mentions, created_by)
     values ($1, $2, $3, $4, $5, coalesce($6::timestamptz, now()), $7, $8, $9, $10, $11::uuid[], $12)`,
    [
      tenantId,
      id,
      fields.type,
      fields.subject,
      fields.body,
      fields.occurredAt,
      fields.durationMinutes,
      fields.outcome,
      fields.done,
      fields.assigneeId,
      fields.mentions,
      createdBy,
    ],
  );
}

/** Replaces the activity's links with `links` (already resolved and distinct). */
export async function replaceLinks(
  tx: Tx,
  tenantId: string,
  activityId: string,
  links: readonly ActivityLink[],
): Promise<void> {
  await tx.query('delete from customerconnect.activity_links where tenant_id = $1 and activity_id = $2', [
    tenantId,
    activityId,
  ]);
  await tx.query(
    `insert into customerconnect.activity_links (tenant_id, activity_id, record_type, record_id)
     select $1, $2, link.record_type, link.record_id
       from unnest($3::text[], $4::uuid[]) as link (record_type, record_id)
     on conflict do nothing`,
    [tenantId, activityId, links.map((link) => link.recordType), links.map((link) => link.recordId)],
  );
}

/** One activity by id, when `visible` (a SQL boolean over `a`, bound into `values`) holds. */
export async function selectActivity(
  tx: Tx,
  values: unknown[],
  id: string,
  visible: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredActivity | undefined> {
  values.push(id);
  const { rows } = await tx.query<ActivityRow>(
    `select ${ACTIVITY_COLUMNS} from customerconnect.activities a
      where a.tenant_id = $1 and a.id = $${values.length} and ${visible}${options.forUpdate ? ' for update of a' : ''}`,
    values,
  );
  return rows[0] ? toActivity(rows[0]) : undefined;
}

export async function updateActivity(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  fields: ActivityFields,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update customerconnect.activities
        set subject = $4, body = $5, occurred_at = $6::timestamptz, duration_minutes = $7, outcome = $8,
            done = $9, assignee_id = $10, mentions = $11::uuid[], version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2 and version = $3`,
    [
      tenantId,
      id,
      version,
      fields.subject,
      fields.body,
      fields.occurredAt,
      fields.durationMinutes,
      fields.outcome,
      fields.done,
      fields.assigneeId,
      fields.mentions,
    ],
  );
  return (rowCount ?? 0) > 0;
}

export async function deleteActivityRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query('delete from customerconnect.activities where tenant_id = $1 and id = $2', [tenantId, id]);
}

/** Newest first by when they happened; the id breaks ties. */
const SORTS: Record<string, SortColumn> = {
  occurredAt: { sql: 'a.occurred_at', type: 'timestamptz' },
  createdAt: { sql: 'a.created_at', type: 'timestamptz' },
};

/** One keyset page of activities matching `filter` (conditions over `a`, tenant first). */
export function selectActivities(
  tx: Tx,
  filter: Filter,
  query: { cursor?: string | undefined; limit: number },
) {
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${ACTIVITY_COLUMNS}, ${sortValues} from customerconnect.activities a`,
    terms: parseSort(undefined, SORTS, '-occurredAt', { sql: 'a.id', type: 'uuid' }),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: ActivityRow & Record<string, unknown>) => toActivity(row),
  });
}
