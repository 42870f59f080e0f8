import { NotFoundError } from '@halooid/shared/errors';
import {
  DELETION_COLUMNS,
  type TenantDeletion,
  type TenantDeletionRow,
  toTenantDeletion,
} from '../domain/tenant-deletions';
import type { LifecycleDeps } from './operator-deps';

/** The tenant's latest deletion, whatever its status; read by an operator, so audited. */
export async function getDeletion(tenantId: string, deps: LifecycleDeps): Promise<TenantDeletion> {
  const { rows } = await deps.tx.query<TenantDeletionRow>(
    `select ${DELETION_COLUMNS} from adminhub.tenant_deletions
      where subject_tenant_id = $1 order by requested_at desc, id desc limit 1`,
    [tenantId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundError('Tenant deletion');
  // A deleted tenant has no audit log left: the operators' own audit only.
  await deps.audit({
    action: 'adminhub.tenant.deletion-read',
    targetType: 'tenant',
    targetId: tenantId,
    ...(row.status === 'completed' ? { details: { tenantId } } : { tenantId }),
  });
  return toTenantDeletion(row);
}
