import { getConfig } from '@halooid/shared/config';
import type { Context } from 'aws-lambda';
import { runDeliveryWorker, webhookRetryDelays } from './delivery-worker';

/**
 * Lambda entry of the webhook delivery worker, run by an EventBridge Scheduler
 * schedule every minute (timeout 70 s). It works for up to 55 s (or until the
 * invocation has 12 s left: a delivery may take its full 10 s timeout).
 */
export async function handler(_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) {
  const remaining = context?.getRemainingTimeInMillis?.() ?? 60_000;
  const attempted = await runDeliveryWorker(Math.min(55_000, remaining - 12_000), {
    retryDelaysMs: webhookRetryDelays(getConfig().WEBHOOK_RETRY_SCALE),
  });
  return { attempted };
}
