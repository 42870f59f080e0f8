import { recordAudit } from '@halooid/shared/audit';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { type DataExport, queueExport, toDataExport } from '../domain/data-exports';

export type RequestExportDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'now'>;

/** Queues an export of the caller's tenant, audited with the export's id. */
export async function requestExport(deps: RequestExportDeps): Promise<DataExport> {
  const { principal } = deps;
  const row = await queueExport(deps.tx, {
    tenantId: principal.tenantId,
    id: deps.newId(),
    requestedBy: principal.principalId,
    requestedByType: principal.principalType === 'apiKey' ? 'apiKey' : 'user',
  });
  await recordAudit(deps.tx, deps.actor, {
    action: 'adminhub.data-export.create',
    targetType: 'data-export',
    targetId: row.id,
  });
  return toDataExport(row, deps.now());
}
