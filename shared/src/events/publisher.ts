import { getConfig } from '../config';
import type { EventEnvelope } from './envelope';

/** Events that could not be published; they stay in the outbox for the relay. */
export interface PublishResult {
  failed: { event: EventEnvelope; error: string }[];
}

/**
 * The bus port. EventBridge (`PutEvents`) in AWS, the in-process local bus
 * under `npm run dev` and in tests. Publishing never throws for a refused
 * event: it reports it, and the outbox keeps the event until a later try.
 */
export interface EventPublisher {
  publish(events: readonly EventEnvelope[]): Promise<PublishResult>;
}

/** Nothing configured: every event stays in the outbox (the relay publishes it once a bus exists). */
export const unconfiguredPublisher: EventPublisher = {
  publish: async (events) => ({
    failed: events.map((event) => ({ event, error: 'no event bus configured' })),
  }),
};

let current: EventPublisher | undefined;
let factory: (() => EventPublisher) | undefined;

/**
 * The process-wide publisher: `setPublisher` wins (the local runtime installs
 * its bus, tests inject faults); otherwise EventBridge when `EVENT_BUS_NAME`
 * is set (the factory registered by `eventbridge-publisher.ts`), else none.
 */
export function getPublisher(): EventPublisher {
  if (current) return current;
  if (getConfig().EVENT_BUS_NAME && factory) {
    current = factory();
    return current;
  }
  return unconfiguredPublisher;
}

export function setPublisher(publisher: EventPublisher | undefined): void {
  current = publisher;
}

/** Registers how to build the AWS publisher; kept out of this module so local code never loads the SDK. */
export function registerPublisherFactory(build: () => EventPublisher): void {
  factory = build;
}
