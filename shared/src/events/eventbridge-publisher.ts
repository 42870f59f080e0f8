import type { EventBridgeClient, PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { getConfig } from '../config';
import type { EventEnvelope } from './envelope';
import { type EventPublisher, type PublishResult, registerPublisherFactory } from './publisher';

/** The SDK loads with the first publish, not at import: a cold start that publishes nothing never pays for it. */
const eventBridgeSdk = () => import('@aws-sdk/client-eventbridge');

/** PutEvents takes at most 10 entries per call. */
export const PUT_EVENTS_BATCH = 10;

export interface EventBridgePublisherOptions {
  busName: string;
  client?: EventBridgeClient;
  /** Extra tries for entries EventBridge refused (throttling, internal errors) before leaving them to the relay. */
  retries?: number;
  /** Pause before a retry, doubled each time. */
  retryDelayMs?: number;
}

function toEntry(event: EventEnvelope, busName: string): PutEventsRequestEntry {
  return {
    EventBusName: busName,
    Source: event.source,
    DetailType: event.type,
    Detail: JSON.stringify(event),
    Time: new Date(event.occurredAt),
  };
}

/**
 * Publishes to an EventBridge custom bus in batches of 10. A partial failure
 * (`FailedEntryCount` > 0) retries only the refused entries; what still fails,
 * or a whole call that throws, is reported so the outbox keeps it.
 */
export class EventBridgePublisher implements EventPublisher {
  private client: EventBridgeClient | undefined;
  private readonly busName: string;
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor(options: EventBridgePublisherOptions) {
    this.client = options.client;
    this.busName = options.busName;
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 100;
  }

  async publish(events: readonly EventEnvelope[]): Promise<PublishResult> {
    const failed: PublishResult['failed'] = [];
    for (let start = 0; start < events.length; start += PUT_EVENTS_BATCH) {
      failed.push(...(await this.publishBatch(events.slice(start, start + PUT_EVENTS_BATCH))));
    }
    return { failed };
  }

  private async publishBatch(batch: readonly EventEnvelope[]): Promise<PublishResult['failed']> {
    let pending = batch.map((event) => ({ event, error: '' }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0)
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * 2 ** (attempt - 1)));
      try {
        const { EventBridgeClient, PutEventsCommand } = await eventBridgeSdk();
        this.client ??= new EventBridgeClient({});
        const output = await this.client.send(
          new PutEventsCommand({ Entries: pending.map(({ event }) => toEntry(event, this.busName)) }),
        );
        if (!output.FailedEntryCount) return [];
        pending = pending.flatMap(({ event }, index) => {
          const entry = output.Entries?.[index];
          return entry?.ErrorCode || !entry?.EventId
            ? [{ event, error: `${entry?.ErrorCode ?? 'Unknown'}: ${entry?.ErrorMessage ?? 'not accepted'}` }]
            : [];
        });
      } catch (error) {
        pending = pending.map(({ event }) => ({ event, error: (error as Error).message }));
      }
      if (attempt >= this.retries) break;
    }
    return pending;
  }
}

registerPublisherFactory(() => new EventBridgePublisher({ busName: getConfig().EVENT_BUS_NAME ?? '' }));
