import { AppError } from '@halooid/shared/errors';
import { SYSTEM_ACTOR, withTenantEvents } from '@halooid/shared/events/outbox';
import { withWorkerTransaction } from '@halooid/shared/events/worker-transaction';
import { createLogger } from '@halooid/shared/observability';
import { todayOf } from '../domain/compensation';
import { applyJobChange } from './apply-job-change';
import { claimScheduledChange, dueChangeIds, markFailed, tenantsWithDueChanges } from './repository';

const logger = createLogger('qultrix-apply-due-job-changes');

/** The job is no user: the audit log records it as the system. */
const systemActor = { principal: { principalId: SYSTEM_ACTOR.id, principalType: 'system' as const } };

type Outcome = 'applied' | 'failed' | 'skipped';

/**
 * One change in its own transaction: claimed (`for update skip locked`, only
 * while still scheduled), applied, marked applied, with its events. A rule
 * the change now breaks (its manager closes a cycle, its department is gone)
 * marks it `failed` with the reason, so it is not retried forever; anything
 * else (the database away) leaves it scheduled for the next run.
 */
async function applyOne(tenantId: string, changeId: string): Promise<Outcome> {
  try {
    return await withTenantEvents({ tenantId, actor: SYSTEM_ACTOR }, async (tx, events) => {
      const change = await claimScheduledChange(tx, tenantId, changeId);
      if (!change) return 'skipped';
      await applyJobChange(change, { tx, events, tenantId, actor: systemActor });
      return 'applied';
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const marked = await withTenantEvents({ tenantId, actor: SYSTEM_ACTOR }, (tx) =>
      markFailed(tx, tenantId, changeId, error.message),
    );
    logger.warn('A due job change broke a rule and was marked failed', {
      tenantId,
      changeId,
      code: error.code,
    });
    return marked ? 'failed' : 'skipped';
  }
}

/**
 * The daily job: applies every tenant's scheduled job changes due on or
 * before `now`'s UTC day, oldest first. Idempotent: a change is applied in
 * the transaction that moves it out of `scheduled`, so a rerun (or a
 * concurrent run) finds nothing left to apply. One tenant's failure neither
 * blocks nor undoes the others.
 */
export async function runApplyDue(
  options: { now?: Date } = {},
): Promise<{ tenants: number; applied: number; failed: number }> {
  const today = todayOf(options.now ?? new Date());
  const tenants = await withWorkerTransaction((tx) => tenantsWithDueChanges(tx, today));
  let applied = 0;
  let failed = 0;
  for (const tenantId of tenants) {
    try {
      const ids = await withTenantEvents({ tenantId, actor: SYSTEM_ACTOR }, (tx) =>
        dueChangeIds(tx, tenantId, today),
      );
      for (const id of ids) {
        const outcome = await applyOne(tenantId, id);
        if (outcome === 'applied') applied += 1;
        if (outcome === 'failed') failed += 1;
      }
    } catch (error) {
      logger.error('Applying due job changes failed for a tenant; the next run retries it', {
        tenantId,
        error: error as Error,
      });
    }
  }
  logger.info('Due job changes applied', { today, tenants: tenants.length, applied, failed });
  return { tenants: tenants.length, applied, failed };
}
