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
import { matchesEventFilter } from '@halooid/shared/events/catalog';
import type { ListNotificationsQuery, Notification } from './schemas';

interface NotificationRow {
  id: string;
  type: string;
  title: string;
  body: string;
  resource_type: string | null;
  resource_id: string | null;
  actor_id: string | null;
  event_id: string;
  read_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, type, title, body, resource_type, resource_id, actor_id, event_id, read_at, created_at';
const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    body: row.body,
    resource: row.resource_type && row.resource_id ? { type: row.resource_type, id: row.resource_id } : null,
    actorId: row.actor_id,
    eventId: row.event_id,
    read: row.read_at !== null,
    readAt: row.read_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export interface NewNotification {
  id: string;
  tenantId: string;
  userId: string;
  eventId: string;
  type: string;
  title: string;
  body: string;
  resource?: { type: string; id: string };
  actorId?: string;
  createdAt: string;
}

/** One per user and event: a second insert for the same event is a no-op. */
export async function insertNotification(tx: Tx, notification: NewNotification): Promise<boolean> {
  const { rowCount } = await tx.query(
    `insert into platform.notifications
       (tenant_id, id, user_id, event_id, type, title, body, resource_type, resource_id, actor_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (tenant_id, user_id, event_id) do nothing`,
    [
      notification.tenantId,
      notification.id,
      notification.userId,
      notification.eventId,
      notification.type,
      notification.title,
      notification.body,
      notification.resource?.type ?? null,
      notification.resource?.id ?? null,
      notification.actorId ?? null,
      notification.createdAt,
    ],
  );
  return (rowCount ?? 0) > 0;
}

export async function listNotifications(
  tx: Tx,
  tenantId: string,
  userId: string,
  query: ListNotificationsQuery,
) {
  const terms = parseSort(undefined, SORTS, '-createdAt');
  const params: unknown[] = [tenantId, userId];
  const where = ['tenant_id = $1', 'user_id = $2'];
  if (query.unread === true) where.push('read_at is null');
  if (query.unread === false) where.push('read_at is not null');
  if (query.cursor) {
    const cursor = afterCursor(terms, decodeCursor(terms, query.cursor), params.length + 1);
    params.push(...cursor.params);
    where.push(cursor.sql);
  }
  params.push(query.limit + 1);
  const { rows } = await tx.query<NotificationRow & Record<string, unknown>>(
    `select ${COLUMNS}, ${sortValuesSelect(terms)} from platform.notifications
      where ${where.join(' and ')} order by ${orderBy(terms)} limit $${params.length}`,
    params,
  );
  return toPage(rows, query.limit, terms, toNotification);
}

export async function markRead(
  tx: Tx,
  tenantId: string,
  userId: string,
  id: string,
): Promise<Notification | undefined> {
  const { rows } = await tx.query<NotificationRow>(
    `update platform.notifications set read_at = coalesce(read_at, now())
      where tenant_id = $1 and user_id = $2 and id = $3 returning ${COLUMNS}`,
    [tenantId, userId, id],
  );
  return rows[0] && toNotification(rows[0]);
}

export async function markAllRead(tx: Tx, tenantId: string, userId: string): Promise<number> {
  const { rowCount } = await tx.query(
    `update platform.notifications set read_at = now() where tenant_id = $1 and user_id = $2 and read_at is null`,
    [tenantId, userId],
  );
  return rowCount ?? 0;
}

export async function mutedTypes(tx: Tx, tenantId: string, userId: string): Promise<string[]> {
  const { rows } = await tx.query<{ muted_types: string[] }>(
    'select muted_types from platform.notification_preferences where tenant_id = $1 and user_id = $2',
    [tenantId, userId],
  );
  return rows[0]?.muted_types ?? [];
}

export async function saveMutedTypes(
  tx: Tx,
  tenantId: string,
  userId: string,
  types: string[],
): Promise<string[]> {
  const { rows } = await tx.query<{ muted_types: string[] }>(
    `insert into platform.notification_preferences (tenant_id, user_id, muted_types) values ($1, $2, $3)
     on conflict (tenant_id, user_id) do update set muted_types = excluded.muted_types, updated_at = now()
     returning muted_types`,
    [tenantId, userId, types],
  );
  return rows[0]?.muted_types ?? types;
}

/** `taskodex.task.assigned` is muted by itself, `taskodex.task.*`, `taskodex.*` or `*`. */
export function isMuted(muted: readonly string[], type: string): boolean {
  return muted.some((entry) => matchesEventFilter(entry, type));
}
