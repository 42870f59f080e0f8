import { runReorderJob } from './reorder-job';

/**
 * Lambda entry of the reorder job, run by an EventBridge Scheduler schedule.
 * Idempotent: a shortfall already covered by a draft line is no shortfall,
 * so a retried or repeated run orders nothing twice.
 */
export async function handler() {
  return runReorderJob();
}
