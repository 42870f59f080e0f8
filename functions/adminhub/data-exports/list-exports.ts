import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { DataExport, DataExportRow } from '../domain/data-exports';
import { EXPORT_COLUMNS, toDataExport } from '../domain/data-exports';
import type { ListDataExportsQuery } from './schemas';

const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

/** The tenant's exports, newest first, keyset-paged; without links (each is an audited read: the export's own GET). */
export async function listExports(
  query: ListDataExportsQuery,
  deps: Pick<RequestDeps, 'tx' | 'principal' | 'now'>,
): Promise<{ items: DataExport[]; nextCursor: string | null }> {
  const page = await selectPage(deps.tx, filterOf([deps.principal.tenantId], ['tenant_id = $1']), {
    select: (sortValues) => `select ${EXPORT_COLUMNS}, ${sortValues} from adminhub.data_exports`,
    terms: parseSort(undefined, SORTS, '-createdAt'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: DataExportRow & Record<string, unknown>) => row,
  });
  return {
    items: await Promise.all(page.items.map((row) => toDataExport(row, deps.now()))),
    nextCursor: page.nextCursor,
  };
}
