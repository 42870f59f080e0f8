import type { Tx } from '@halooid/shared/db/transaction';
import { SYSTEM_ACTOR, withTenantEvents } from '@halooid/shared/events/outbox';
import { withWorkerTransaction } from '@halooid/shared/events/worker-transaction';
import { uuidv7 } from '@halooid/shared/ids';
import { createLogger } from '@halooid/shared/observability';
import { checkReorder } from './check-reorder';

const logger = createLogger('invantray-reorder');

/** Tenants with reorder settings: the job's only cross-tenant read, on tenant ids alone (migration 0002). */
async function tenantsWithReorderSettings(tx: Tx): Promise<string[]> {
  const { rows } = await tx.query<{ tenant_id: string }>(
    'select distinct tenant_id from invantray.reorder_settings',
  );
  return rows.map((row) => row.tenant_id);
}

/**
 * The scheduled reorder check: every tenant's every reorder setting, each
 * tenant in its own transaction (one tenant's failure neither blocks nor
 * undoes the others; the next run retries it). It catches what the on-move
 * trigger cannot see: reservations, new or lowered settings, orders cancelled.
 */
export async function runReorderJob(
  options: { now?: Date } = {},
): Promise<{ tenants: number; shortfalls: number; purchaseOrdersCreated: number }> {
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const tenants = await withWorkerTransaction(tenantsWithReorderSettings);
  let shortfalls = 0;
  let created = 0;
  for (const tenantId of tenants) {
    try {
      const outcome = await withTenantEvents({ tenantId, actor: SYSTEM_ACTOR }, (tx, events) =>
        checkReorder({ tx, tenantId, userId: null, newId: uuidv7, events, today }),
      );
      shortfalls += outcome.shortfalls.length;
      created += outcome.purchaseOrdersCreated.length;
    } catch (error) {
      logger.error('The reorder check failed for a tenant; the next run retries it', {
        tenantId,
        error: error as Error,
      });
    }
  }
  logger.info('Reorder check done', { tenants: tenants.length, shortfalls, purchaseOrdersCreated: created });
  return { tenants: tenants.length, shortfalls, purchaseOrdersCreated: created };
}
