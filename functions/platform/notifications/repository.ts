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
