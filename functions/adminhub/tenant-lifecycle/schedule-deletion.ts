import { BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import {
  DELETION_COLUMNS,
  type TenantDeletion,
  type TenantDeletionRow,
  toTenantDeletion,
} from '../domain/tenant-deletions';
import { adminhubEvents } from '../events';
import { findTenant } from './find-tenant';
import type { LifecycleDeps } from './operator-deps';
import type { ScheduleDeletionInput } from './schemas';

const DAY_MS = 86_400_000;

/**
 * Schedules a tenant's deletion after the grace period and suspends it
 * meanwhile (its requests are refused, its data kept, so a mistake can still
 * be undone by cancelling). The slug typed again guards against deleting the
 * wrong tenant by a pasted id.
 */
export async function scheduleDeletion(
  tenantId: string,
  input: ScheduleDeletionInput,
  deps: LifecycleDeps,
): Promise<TenantDeletion> {
  const tenant = await findTenant(deps.tx, tenantId);
  if (input.confirmSlug !== tenant.slug) {
    throw new BusinessRuleError('slug_mismatch', 'confirmSlug is not the slug of this tenant.', [
      { field: 'body.confirmSlug', message: 'Type the tenant’s slug.', code: 'slug_mismatch' },
    ]);
  }
  const events = await deps.actOn(tenantId);
  const dueAt = new Date(deps.now().getTime() + input.graceDays * DAY_MS);
  const suspend = tenant.status === 'active';
  const { rows } = await deps.tx.query<TenantDeletionRow>(
    `insert into adminhub.tenant_deletions
       (id, subject_tenant_id, tenant_slug, tenant_name, suspended_by_deletion, due_at, requested_by)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (subject_tenant_id) where status = 'scheduled' do nothing
     returning ${DELETION_COLUMNS}`,
    [deps.newId(), tenantId, tenant.slug, tenant.name, suspend, dueAt, deps.operatorId],
  );
  const row = rows[0];
  if (!row) throw new ConflictError('A deletion of this tenant is already scheduled.', 'deletion_scheduled');
  if (suspend) {
    // A new RBAC version makes every authorizer cache reload the tenant, so its requests stop within seconds.
    const reason = `Scheduled for deletion on ${dueAt.toISOString().slice(0, 10)}.`;
    await deps.tx.query(
      `update platform.tenants
          set status = 'suspended', suspended_at = now(), suspended_reason = $2,
              rbac_version = rbac_version + 1, updated_at = now()
        where id = $1`,
      [tenantId, reason],
    );
    await events.record(adminhubEvents, 'tenant.suspended', { tenantId, reason });
  }
  await deps.audit({
    action: 'adminhub.tenant.deletion-schedule',
    targetType: 'tenant',
    targetId: tenantId,
    tenantId,
    details: { deletionId: row.id, dueAt: dueAt.toISOString(), suspended: suspend },
  });
  return toTenantDeletion(row);
}
