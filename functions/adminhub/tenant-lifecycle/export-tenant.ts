import { type DataExport, queueExport, toDataExport } from '../domain/data-exports';
import { findTenant } from './find-tenant';
import type { LifecycleDeps } from './operator-deps';

/** Queues an export of any tenant for an operator; audited for operators and in the tenant's log. */
export async function exportTenant(tenantId: string, deps: LifecycleDeps): Promise<DataExport> {
  await findTenant(deps.tx, tenantId);
  await deps.actOn(tenantId);
  const row = await queueExport(deps.tx, {
    tenantId,
    id: deps.newId(),
    requestedBy: deps.operatorId,
    requestedByType: 'operator',
  });
  await deps.audit({
    action: 'adminhub.data-export.create',
    targetType: 'data-export',
    targetId: row.id,
    tenantId,
  });
  return toDataExport(row, deps.now());
}
