import type { EventConsumer } from '@halooid/shared/events/consumer';
import { relayOutbox } from '@halooid/shared/events/outbox';
import { setPublisher } from '@halooid/shared/events/publisher';
import { type ServiceManifest, serviceName } from '@halooid/shared/manifest';
import { createLogger } from '@halooid/shared/observability';
import { type LocalBusOptions, LocalEventBus } from './local-bus';

export interface LocalEventsOptions {
  bus?: LocalBusOptions;
  /** How often the outbox relay runs (EventBridge Scheduler in AWS: every minute). */
  relayIntervalMs?: number;
  /** Outbox rows younger than this are left to the request that wrote them. */
  relayMinAgeMs?: number;
  /** How often the webhook delivery worker looks for due deliveries. */
  webhookIntervalMs?: number;
  /** Multiplies the webhook retry schedule (1 s, 5 s, 30 s, ...); 1 under `npm run dev`, small in tests. */
  webhookRetryScale?: number;
  /** A webhook failing this long is disabled (3 days). */
  webhookDisableAfterMs?: number;
}

export interface LocalEvents {
  bus: LocalEventBus;
  /** Runs the relay once now (tests). */
  relay(): Promise<void>;
  /** Runs one webhook worker pass now and waits for what it started (tests). */
  deliverWebhooks(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs `task` every `intervalMs`, never two at once; `stop` waits for the current run. */
function every(intervalMs: number, task: () => Promise<unknown>, onError: (error: Error) => void) {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= task()
      .then(
        () => {},
        (error: Error) => onError(error),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    run,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * The local event backbone: the in-process bus with one rule per manifest
 * subscription (targets: the capability's `subscribers.ts` consumers), the
 * bus installed as the publisher the kernel uses after commit, the outbox
 * relay and the webhook delivery worker on timers.
 */
export async function startLocalEvents(
  services: readonly ServiceManifest[],
  options: LocalEventsOptions = {},
): Promise<LocalEvents> {
  const logger = createLogger('local-events');
  const bus = new LocalEventBus({
    ...options.bus,
    onError: options.bus?.onError ?? ((message, details) => logger.warn(message, details)),
  });
  for (const service of services) {
    if (!service.subscriptions?.length) continue;
    const module = (await import(
      `@halooid/functions/${service.product}/${service.capability}/subscribers`
    )) as Record<string, EventConsumer | undefined> & { consumers?: Record<string, EventConsumer> };
    for (const subscription of service.subscriptions) {
      // A consumer is a named export, or an entry of `consumers` when they are derived (notification rules).
      const consumer = module.consumers?.[subscription.handler] ?? module[subscription.handler];
      if (!consumer?.consume)
        throw new Error(
          `${serviceName(service)}: subscribers.ts exports no consumer ${subscription.handler}`,
        );
      bus.addRule({
        name: `${serviceName(service)}.${subscription.name}`,
        pattern: subscription.pattern,
        target: (event) => consumer.consume(event),
      });
    }
  }
  setPublisher(bus);

  const { createWebhookDeliveryPool, webhookRetryDelays } = await import(
    '@halooid/functions/platform/webhooks/delivery-worker'
  );
  const relay = every(
    options.relayIntervalMs ?? 1_000,
    () => relayOutbox({ publisher: bus, minAgeMs: options.relayMinAgeMs ?? 2_000 }),
    (error) => logger.warn('Outbox relay failed', { error }),
  );
  const retryDelaysMs = webhookRetryDelays(options.webhookRetryScale ?? 1);
  // A continuous pool: each tick fills the free slots; deliveries run on without holding the next tick.
  const deliveries = createWebhookDeliveryPool({
    retryDelaysMs,
    disableAfterMs: options.webhookDisableAfterMs,
  });
  const webhooks = every(
    options.webhookIntervalMs ?? 250,
    () => deliveries.fill(),
    (error) => logger.warn('Webhook delivery pass failed', { error }),
  );

  return {
    bus,
    relay: () => relay.run(),
    deliverWebhooks: () => webhooks.run().then(() => deliveries.drain()),
    async stop() {
      await relay.stop();
      await webhooks.stop();
      await deliveries.drain();
      await bus.stop();
      setPublisher(undefined);
    },
  };
}
