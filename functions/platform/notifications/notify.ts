import type { Tx } from '@halooid/shared/db/transaction';
import { uuidv7 } from '@halooid/shared/ids';
import { insertNotification, isMuted, mutedTypes } from './repository';

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
