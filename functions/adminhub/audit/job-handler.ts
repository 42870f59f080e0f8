import { runAuditRetention } from './retention-job';

/** Lambda entry of the daily audit retention job, run by an EventBridge Scheduler schedule. */
export async function handler() {
  return runAuditRetention();
}
