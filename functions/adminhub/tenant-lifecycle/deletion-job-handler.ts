import { runDeletionJob } from './deletion-job';

/**
 * Lambda entry of the daily tenant deletion job (EventBridge Scheduler).
 * Each tenant is deleted in one transaction, so a run that dies deletes
 * nothing half-way; the next run takes the tenant again.
 */
export async function handler() {
  return runDeletionJob();
}
