import type { Tx } from '@halooid/shared/db/transaction';
import { matchesEventFilter } from '@halooid/shared/events/catalog';

/*
 * Writing a notification and reading a member's muted types: what the
 * notifications capability, its event consumer and the webhook worker (a
 * disabled webhook notifies its creator) share. The capability's list and
 * read-state queries stay in notifications/repository.ts.
 */

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

export async function mutedTypes(tx: Tx, tenantId: string, userId: string): Promise<string[]> {
  const { rows } = await tx.query<{ muted_types: string[] }>(
    'select muted_types from platform.notification_preferences where tenant_id = $1 and user_id = $2',
    [tenantId, userId],
  );
  return rows[0]?.muted_types ?? [];
}

/** `taskodex.task.assigned` is muted by itself, `taskodex.task.*`, `taskodex.*` or `*`. */
export function isMuted(muted: readonly string[], type: string): boolean {
  return muted.some((entry) => matchesEventFilter(entry, type));
}
