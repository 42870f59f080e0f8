import { recordAudit } from '@halooid/shared/audit';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { AuditExport } from './export-audit';
import type { ExportAuditQuery } from './schemas';

/** Who took a copy of the log, with which filters: an export is a bulk read of sensitive history. */
export function recordExport(
  query: ExportAuditQuery,
  exported: Pick<AuditExport, 'rows' | 'truncated'>,
  deps: Pick<RequestDeps, 'tx' | 'actor'>,
): Promise<void> {
  return recordAudit(deps.tx, deps.actor, {
    action: 'adminhub.audit.exported',
    targetType: 'audit_log',
    details: { filters: query, rows: exported.rows, truncated: exported.truncated },
  });
}
