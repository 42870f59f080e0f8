/**
 * The role of platform jobs that by design span tenants (the outbox relay,
 * the webhook delivery worker): no BYPASSRLS, owns nothing, and policies
 * open only the rows those jobs need (platform/0005, 0006). The transaction
 * lives with the other kinds in db/transaction.ts, which knows the logins.
 */
export { WORKER_ROLE, withWorkerTransaction } from '../db/transaction';
