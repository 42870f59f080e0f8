import { getConfig } from '@halooid/shared/config';
import { relayOutbox } from '@halooid/shared/events/outbox';

/**
 * Lambda entry of the outbox relay, run by an EventBridge Scheduler schedule
 * every minute. Publishes (with PutEvents to EVENT_BUS_NAME) every outbox row
 * older than RELAY_MIN_AGE_MS (default 5 s) that the request which wrote it
 * did not mark sent, oldest first, and purges sent rows after 7 days.
 */
export async function handler() {
  return relayOutbox({ minAgeMs: getConfig().RELAY_MIN_AGE_MS });
}
