import type { Tx } from '@halooid/shared/db/transaction';
import { type EventEnvelope, eventName } from '@halooid/shared/events/envelope';
import { uuidv7 } from '@halooid/shared/ids';
import type { NotificationMessage } from '@halooid/shared/notifications';
import { isActiveMember } from '@halooid/shared/tenancy';
import { insertNotification, isMuted, mutedTypes } from './notification-store';

export interface NotifyInput {
  tenantId: string;
  userId: string;
  eventId: string;
  /** `<product>.<resource>.<verb>`: what preferences mute. */
  type: string;
  title: string;
  body?: string;
  resource?: { type: string; id: string };
  actorId?: string;
}

/**
 * Creates a notification in the caller's tenant transaction unless the user
 * muted the type. One per (user, event): a second call is a no-op.
 */
export async function notifyUser(tx: Tx, input: NotifyInput): Promise<boolean> {
  if (isMuted(await mutedTypes(tx, input.tenantId, input.userId), input.type)) return false;
  return insertNotification(tx, {
    id: uuidv7(),
    tenantId: input.tenantId,
    userId: input.userId,
    eventId: input.eventId,
    type: input.type,
    title: input.title,
    body: input.body ?? '',
    resource: input.resource,
    actorId: input.actorId,
    createdAt: new Date().toISOString(),
  });
}

/**
 * The platform's notifyMember (shared/src/notifications.ts): a notification
 * about `event` for `userId`, unless they are the event's actor (nobody hears
 * about what they did themselves) or no longer an active member of the
 * event's tenant (someone removed since is silently skipped); muting and
 * one-per-(user, event) are notifyUser's.
 */
export async function notifyMember(
  tx: Tx,
  event: EventEnvelope,
  userId: string,
  message: NotificationMessage,
): Promise<boolean> {
  if (userId === event.actor.id) return false;
  if (!(await isActiveMember(tx, userId))) return false;
  return notifyUser(tx, {
    ...message,
    tenantId: event.tenantId,
    userId,
    eventId: event.id,
    type: eventName(event),
    actorId: event.actor.id,
  });
}
