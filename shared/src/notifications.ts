import type { EventEnvelope } from './events/envelope';

/**
 * The platform's notification API as a product sees it. A product declares
 * notification rules in its `product.ts` (`notifications`: an event pattern
 * and the file exporting `notify`); the platform's notifications subscriber
 * runs the rule for each matching event and hands it `notifyMember`, bound
 * to that event and its tenant transaction. So a product decides who hears
 * about its events and what they read, and the platform keeps the rest
 * (membership, muting, one notification per member and event) in one place.
 */

/** What a member reads; the type, actor, event id and time come from the event itself. */
export interface NotificationMessage {
  title: string;
  body?: string;
  /** What the notification links to: `<product>.<resource>` and its id. */
  resource?: { type: string; id: string };
}

export interface NotifyContext {
  /**
   * Notifies one member of the event's tenant about this event. Nothing is
   * written (false) for the event's own actor (nobody hears about what they
   * did themselves), for someone who is not an active member of the tenant,
   * for a member who muted the event's type, and for a second call about the
   * same member and event.
   */
  notifyMember(userId: string, message: NotificationMessage): Promise<boolean>;
}

/** What a notification rule's file exports as `notify`. It runs once per event (the inbox dedupes redeliveries). */
export type NotifyHandler = (event: EventEnvelope, context: NotifyContext) => Promise<void>;
