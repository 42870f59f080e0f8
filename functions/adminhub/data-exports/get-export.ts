import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { ObjectStore } from '@halooid/shared/storage/object-store';
import { type DataExport, type DataExportRow, EXPORT_COLUMNS, toDataExport } from '../domain/data-exports';

export type GetExportDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'now'> & {
  store: Pick<ObjectStore, 'downloadUrl'>;
};

/**
 * One export of the caller's tenant. A link to a ready archive is a read of
 * everything the tenant has, so handing one out is audited.
 */
export async function getExport(exportId: string, deps: GetExportDeps): Promise<DataExport> {
  const { rows } = await deps.tx.query<DataExportRow>(
    `select ${EXPORT_COLUMNS} from adminhub.data_exports where tenant_id = $1 and id = $2`,
    [deps.principal.tenantId, exportId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundError('Data export');
  const dataExport = await toDataExport(row, deps.now(), deps.store);
  if (dataExport.download) {
    await recordAudit(deps.tx, deps.actor, {
      action: 'adminhub.data-export.download',
      targetType: 'data-export',
      targetId: row.id,
    });
  }
  return dataExport;
}
