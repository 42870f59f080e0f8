import type { Tx } from '@halooid/shared/db/transaction';
import { withWorkerTransaction } from '@halooid/shared/events/worker-transaction';
import { createLogger } from '@halooid/shared/observability';
import type { Tier } from '@halooid/shared/tenancy';
import { TIER_LIMITS } from '@halooid/shared/tiers';

const logger = createLogger('adminhub-audit-retention');

/**
 * Deletes the audit entries of every tenant of `tier` older than `days`,
 * through adminhub.purge_audit_log (migration 0003): the app role has no
 * DELETE on the log, and only halooid_worker may run the function, which
 * refuses fewer than 30 days whatever it is asked.
 */
export async function purgeTier(tx: Tx, tier: Tier, days: number): Promise<number> {
  const { rows } = await tx.query<{ deleted: string }>(
    'select adminhub.purge_audit_log($1, $2)::text as deleted',
    [tier, days],
  );
  return Number(rows[0]?.deleted ?? 0);
}

/**
 * The daily retention run: each tier in its own worker transaction, so one
 * tier's failure neither blocks nor undoes the others (the next run retries
 * it). Idempotent: a second run the same day finds nothing old enough.
 */
export async function runAuditRetention(
  limits: Readonly<Record<Tier, { auditRetentionDays: number }>> = TIER_LIMITS,
): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const [tier, { auditRetentionDays }] of Object.entries(limits) as [
    Tier,
    { auditRetentionDays: number },
  ][]) {
    try {
      deleted[tier] = await withWorkerTransaction((tx) => purgeTier(tx, tier, auditRetentionDays));
    } catch (error) {
      logger.error('The audit retention failed for a tier; the next run retries it', {
        tier,
        error: error as Error,
      });
    }
  }
  logger.info('Audit retention done', { deleted });
  return deleted;
}
