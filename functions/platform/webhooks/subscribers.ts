import { matchesEventFilter } from '@halooid/shared/events/catalog';
import { createSubscriberHandler, defineConsumer } from '@halooid/shared/events/consumer';
import { eventName } from '@halooid/shared/events/envelope';
import { uuidv7 } from '@halooid/shared/ids';
import { EVENT_CATALOGS } from '../../event-index.generated';
import { enabledWebhooks, insertDelivery } from './repository';
import { webhooksService } from './service';

/**
 * Every event → one pending delivery per enabled webhook of the tenant that
 * subscribed to it. The inbox makes this exactly-once; the delivery worker
 * sends them (with retries) outside any event transaction. Every product's
 * catalog comes from the generated event index, so this function loads event
 * schemas only, never a product's route schemas.
 */
export const fanOutWebhooks = defineConsumer({
  service: webhooksService,
  subscription: 'fan-out-webhooks',
  catalogs: EVENT_CATALOGS,
  async handle(event, { tx }) {
    const name = eventName(event);
    for (const webhook of await enabledWebhooks(tx, event.tenantId)) {
      if (!webhook.events.some((filter) => matchesEventFilter(filter, name))) continue;
      await insertDelivery(tx, {
        tenantId: event.tenantId,
        id: uuidv7(),
        webhookId: webhook.id,
        eventId: event.id,
        eventType: name,
        payload: event,
      });
    }
  },
});

/** Lambda entry for the capability's EventBridge rule. */
export const handler = createSubscriberHandler(webhooksService, { fanOutWebhooks });
