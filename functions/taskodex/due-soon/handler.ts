import { runDueSoon } from './due-soon';

/**
 * Lambda entry of the due-soon job, run once a day by an EventBridge
 * Scheduler schedule. Idempotent per task and due date, so a retried or
 * repeated run notifies nobody twice.
 */
export async function handler() {
  return runDueSoon();
}
