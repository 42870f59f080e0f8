import { getConfig } from '../config';
import type { Tx } from '../db/transaction';
import { type ServiceManifest, serviceName } from '../manifest';
import { createLogger, type Logger } from '../observability';
import { type EventCatalog, validateEventData } from './catalog';
import { type BusEvent, EventEnvelope } from './envelope';
import { type EventRecorder, SYSTEM_ACTOR, withTenantEvents } from './outbox';
import { matchesPattern } from './pattern';

export interface ConsumeContext {
  /** The event's tenant transaction; the inbox row is already in it. */
  tx: Tx;
  /** Events this consumer emits, written to the outbox in the same transaction. */
  events: EventRecorder;
  logger: Logger;
}

/** `tenant_gone`: the event's tenant was deleted while the event was on its way; nothing is written for it. */
export type ConsumeOutcome = 'processed' | 'duplicate' | 'tenant_gone';

/** What a subscription's `handler` names in a capability's `subscribers.ts`. */
export interface EventConsumer {
  /** `<product>-<capability>.<subscription>`: the inbox key with the event id. */
  readonly name: string;
  consume(envelope: unknown): Promise<ConsumeOutcome>;
}

export interface ConsumerDefinition {
  service: Pick<ServiceManifest, 'product' | 'capability'>;
  subscription: string;
  /** Catalogs to validate incoming events against (functions/registry.ts EVENT_CATALOGS). */
  catalogs: readonly EventCatalog[];
  handle(event: EventEnvelope, context: ConsumeContext): Promise<void>;
}

/**
 * The consumer kernel: validates the envelope against the catalog, opens a
 * tenant transaction for the event's tenant, records `(eventId, consumer)` in
 * `platform.inbox` and runs the handler in that same transaction. A
 * redelivered event finds its inbox row and has no second effect; a handler
 * that throws rolls the inbox row back, so the retry runs it again.
 */
export function defineConsumer(definition: ConsumerDefinition): EventConsumer {
  const name = `${serviceName(definition.service)}.${definition.subscription}`;
  const logger = createLogger(serviceName(definition.service));
  return {
    name,
    async consume(raw) {
      const envelope = validateEventData(definition.catalogs, EventEnvelope.parse(raw));
      const log = logger.createChild({
        persistentKeys: { eventId: envelope.id, tenantId: envelope.tenantId, consumer: name },
      });
      return withTenantEvents(
        { tenantId: envelope.tenantId, actor: SYSTEM_ACTOR, correlationId: envelope.correlationId },
        async (tx, events) => {
          // An event still on its way when its tenant was deleted (AdminHub's deletion job) must
          // not write a row for a tenant that no longer exists: its deletion left zero rows. KEY
          // SHARE waits for a deletion in progress (it holds the row FOR UPDATE) to end.
          const tenant = await tx.query('select 1 from platform.tenants where id = $1 for key share', [
            envelope.tenantId,
          ]);
          if ((tenant.rowCount ?? 0) === 0) {
            log.info('Event of a deleted tenant skipped');
            return 'tenant_gone' as const;
          }
          const inbox = await tx.query(
            `insert into platform.inbox (tenant_id, event_id, consumer) values ($1, $2, $3)
             on conflict do nothing`,
            [envelope.tenantId, envelope.id, name],
          );
          if ((inbox.rowCount ?? 0) === 0) {
            log.info('Duplicate event skipped');
            return 'duplicate' as const;
          }
          await definition.handle(envelope, { tx, events, logger: log });
          return 'processed' as const;
        },
      );
    },
  };
}

/** What a rule target delivers: the EventBridge event, or `{ subscription, event }` from an input transformer. */
export type SubscriberInvocation = BusEvent | { subscription: string; event: BusEvent };

/**
 * The Lambda handler of a capability's subscriptions (one function, one
 * EventBridge rule per subscription). The rule's input transformer names the
 * subscription (`{"subscription":"<name>","event":<aws.events.event.json>}`); a raw
 * event (or `SUBSCRIPTION` in the environment) works too, running every
 * subscription whose pattern matches. A failure throws, so the rule's retry
 * policy and its DLQ take over.
 */
export function createSubscriberHandler(
  service: ServiceManifest,
  consumers: Readonly<Record<string, EventConsumer>>,
) {
  const subscriptions = service.subscriptions ?? [];
  for (const subscription of subscriptions) {
    if (!consumers[subscription.handler])
      throw new Error(`${serviceName(service)}: no consumer exported as ${subscription.handler}`);
  }
  return async (invocation: SubscriberInvocation): Promise<{ results: Record<string, ConsumeOutcome> }> => {
    const named = 'subscription' in invocation ? invocation.subscription : getConfig().SUBSCRIPTION;
    const event = 'subscription' in invocation ? invocation.event : invocation;
    const selected = subscriptions.filter((subscription) =>
      named ? subscription.name === named : matchesPattern(subscription.pattern, event),
    );
    if (named && selected.length === 0) throw new Error(`${serviceName(service)}: no subscription ${named}`);
    const results: Record<string, ConsumeOutcome> = {};
    for (const subscription of selected) {
      const consumer = consumers[subscription.handler] as EventConsumer;
      results[subscription.name] = await consumer.consume(event.detail);
    }
    return { results };
  };
}
