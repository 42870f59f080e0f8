import { runAccrual } from './accrual';

/**
 * Lambda entry of the daily leave accrual, run by an EventBridge Scheduler
 * schedule. Idempotent per employee, leave type and period, so a retried or
 * repeated run writes nothing twice.
 */
export async function handler() {
  return runAccrual();
}
