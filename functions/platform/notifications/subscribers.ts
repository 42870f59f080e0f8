import { createSubscriberHandler, defineConsumer, type EventConsumer } from '@halooid/shared/events/consumer';
import { EVENT_CATALOGS, NOTIFY_HANDLERS } from '../../event-index.generated';
import { notifyMember } from '../domain/notify';
import { notificationsService } from './service';

/**
 * One consumer per product notification rule (the service's subscriptions):
 * the kernel validates the event against its product's catalog and dedupes
 * it in the inbox; the rule decides who hears about it through notifyMember,
 * bound to this event and its tenant transaction. Catalogs and rules come
 * from the generated event index, never from the product manifests, so this
 * function loads no route schema and names no product.
 */
export const consumers: Readonly<Record<string, EventConsumer>> = Object.fromEntries(
  (notificationsService.subscriptions ?? []).map((subscription) => {
    const notify = NOTIFY_HANDLERS[subscription.handler];
    if (!notify) throw new Error(`No notify function for notification rule ${subscription.handler}`);
    const consumer = defineConsumer({
      service: notificationsService,
      subscription: subscription.name,
      catalogs: EVENT_CATALOGS,
      handle: (event, { tx }) =>
        notify(event, { notifyMember: (userId, message) => notifyMember(tx, event, userId, message) }),
    });
    return [subscription.handler, consumer];
  }),
);

/** Lambda entry for the capability's EventBridge rules. */
export const handler = createSubscriberHandler(notificationsService, consumers);
