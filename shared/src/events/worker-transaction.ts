import { type Tx, withSystemTransaction } from '../db/transaction';

/**
 * The role of platform jobs that by design span tenants (the outbox relay,
 * the webhook delivery worker): no BYPASSRLS, owns nothing, and policies
 * open only the rows those jobs need (platform/0005, 0006).
 */
export const WORKER_ROLE = 'halooid_worker';

/** One transaction as `halooid_worker`. */
export function withWorkerTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return withSystemTransaction(async (tx) => {
    await tx.query(`set local role ${WORKER_ROLE}`);
    return work(tx);
  });
}
