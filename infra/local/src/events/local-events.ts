import type { EventConsumer } from '@halooid/shared/events/consumer';
import { setPublisher } from '@halooid/shared/events/publisher';
import { type ServiceManifest, serviceName } from '@halooid/shared/manifest';
import { createLogger } from '@halooid/shared/observability';
import { type LocalBusOptions, LocalEventBus } from './local-bus';
import type { LocalJobOverride } from './local-jobs';

export interface LocalEventsOptions {
  bus?: LocalBusOptions;
  /**
   * Scheduled jobs by function name (`platform-outbox-relay`): how often each
   * runs and its local settings (the relay's `minAgeMs`, the webhook worker's
   * `retryScale` and `disableAfterMs`). Tests make them fast; benches park them.
   */
  jobs?: Readonly<Record<string, LocalJobOverride>>;
}

export interface LocalEvents {
  bus: LocalEventBus;
  stop(): Promise<void>;
}

/**
 * The local event backbone: the in-process bus with one rule per manifest
 * subscription (targets: the capability's `subscribers.ts` consumers), and
 * the bus installed as the publisher the kernel uses after commit. The
 * scheduled jobs (the outbox relay and webhook worker among them) run in
 * local-jobs.ts.
 */
export async function startLocalEvents(
  services: readonly ServiceManifest[],
  options: Pick<LocalEventsOptions, 'bus'> = {},
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

  return {
    bus,
    async stop() {
      await bus.stop();
      setPublisher(undefined);
    },
  };
}
