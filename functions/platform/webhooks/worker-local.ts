import type { LocalJobFactory } from '@halooid/shared/product';
import { createWebhookDeliveryPool, webhookRetryDelays } from './delivery-worker';

/**
 * The webhook worker under the local runtime: a continuous pool; each tick
 * fills the free slots and deliveries run on without holding the next tick.
 * `retryScale` multiplies the retry schedule (1 s, 5 s, 30 s, …; small in
 * tests); `disableAfterMs` is how long a failing webhook lasts (3 days).
 */
export const createLocalJob: LocalJobFactory = ({ settings }) => {
  const deliveries = createWebhookDeliveryPool({
    retryDelaysMs: webhookRetryDelays(settings.retryScale ?? 1),
    disableAfterMs: settings.disableAfterMs,
  });
  return { run: () => deliveries.fill(), drain: () => deliveries.drain() };
};
