import { relayOutbox } from '@halooid/shared/events/outbox';

/**
 * Lambda entry of the outbox relay, run by an EventBridge Scheduler schedule
 * every minute. Publishes (with PutEvents to EVENT_BUS_NAME) every outbox row
 * older than RELAY_MIN_AGE_MS (default 5 s) that the request which wrote it
 * did not mark sent, oldest first, and purges sent rows after 7 days.
 */
export async function handler() {
  const minAgeMs = Number(process.env.RELAY_MIN_AGE_MS ?? '5000');
  return relayOutbox({ minAgeMs: Number.isFinite(minAgeMs) ? minAgeMs : 5_000 });
}
