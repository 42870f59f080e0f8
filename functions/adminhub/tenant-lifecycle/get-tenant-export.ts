import { NotFoundError } from '@halooid/shared/errors';
import { type DataExport, type DataExportRow, EXPORT_COLUMNS, toDataExport } from '../domain/data-exports';
import type { LifecycleReadDeps } from './operator-deps';

/** Any tenant's export by id, with a link once ready; the read is audited (it can hand out everything). */
export async function getTenantExport(exportId: string, deps: LifecycleReadDeps): Promise<DataExport> {
  const { rows } = await deps.tx.query<DataExportRow>(
    `select ${EXPORT_COLUMNS} from adminhub.data_exports where id = $1`,
    [exportId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundError('Data export');
  const dataExport = await toDataExport(row, deps.now(), deps.store);
  await deps.audit({
    action: dataExport.download ? 'adminhub.data-export.download' : 'adminhub.data-export.read',
    targetType: 'data-export',
    targetId: row.id,
    tenantId: row.tenant_id,
  });
  return dataExport;
}
