import { runApplyDue } from './apply-due';

/**
 * Lambda entry of the job that applies due job changes, run daily by an
 * EventBridge Scheduler schedule. Idempotent (a change leaves `scheduled`
 * in the transaction that applies it), so a retried run applies nothing twice.
 */
export async function handler() {
  return runApplyDue();
}
