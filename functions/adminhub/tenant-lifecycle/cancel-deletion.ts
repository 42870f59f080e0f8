import { NotFoundError } from '@halooid/shared/errors';
import {
  DELETION_COLUMNS,
  type TenantDeletion,
  type TenantDeletionRow,
  toTenantDeletion,
} from '../domain/tenant-deletions';
import { adminhubEvents } from '../events';
import type { LifecycleDeps } from './operator-deps';

/** Cancels a scheduled deletion; a tenant the deletion suspended (and nobody else since) is resumed. */
export async function cancelDeletion(tenantId: string, deps: LifecycleDeps): Promise<TenantDeletion> {
  const events = await deps.actOn(tenantId);
  const { rows } = await deps.tx.query<TenantDeletionRow>(
    `update adminhub.tenant_deletions
        set status = 'cancelled', cancelled_by = $2, cancelled_at = now()
      where subject_tenant_id = $1 and status = 'scheduled'
      returning ${DELETION_COLUMNS}`,
    [tenantId, deps.operatorId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundError('Scheduled deletion');
  let resumed = false;
  if (row.suspended_by_deletion) {
    const result = await deps.tx.query(
      `update platform.tenants
          set status = 'active', suspended_at = null, suspended_reason = null,
              rbac_version = rbac_version + 1, updated_at = now()
        where id = $1 and status = 'suspended' and suspended_reason like 'Scheduled for deletion%'`,
      [tenantId],
    );
    resumed = (result.rowCount ?? 0) > 0;
    if (resumed) await events.record(adminhubEvents, 'tenant.resumed', { tenantId });
  }
  await deps.audit({
    action: 'adminhub.tenant.deletion-cancel',
    targetType: 'tenant',
    targetId: tenantId,
    tenantId,
    details: { deletionId: row.id, resumed },
  });
  return toTenantDeletion(row);
}
