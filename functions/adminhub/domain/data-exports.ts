import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import type { ObjectStore } from '@halooid/shared/storage/object-store';
import * as z from 'zod';

/**
 * A tenant's data export as tenant admins and operators see it: where the job
 * is, what the archive holds, and, once ready, a download link that expires
 * after DOWNLOAD_LINK_SECONDS. Exports are rows of adminhub.data_exports
 * (adminhub/0005); the archive is in S3 under `tenants/<tenantId>/exports/`.
 */
export const DOWNLOAD_LINK_SECONDS = 15 * 60;

export const DataExport = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  status: z.enum(['queued', 'running', 'ready', 'failed']),
  requestedBy: z.string(),
  requestedByType: z.enum(['user', 'apiKey', 'operator']),
  tables: z
    .array(z.object({ table: z.string(), rows: z.number().int() }))
    .nullable()
    .meta({ description: 'Rows per table in the archive, once ready.' }),
  rowCount: z.number().int().nullable(),
  sizeBytes: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  download: z
    .object({ url: z.string(), expiresAt: z.iso.datetime() })
    .nullable()
    .meta({ description: 'A presigned link to the gzipped JSON-lines archive, when ready.' }),
});
export type DataExport = z.infer<typeof DataExport>;

export interface DataExportRow {
  tenant_id: string;
  id: string;
  status: DataExport['status'];
  requested_by: string;
  requested_by_type: DataExport['requestedByType'];
  object_key: string | null;
  table_counts: { table: string; rows: number }[] | null;
  row_count: string | null;
  size_bytes: string | null;
  error: string | null;
  attempts: number;
  created_at: Date;
  completed_at: Date | null;
}

export const EXPORT_COLUMNS =
  'tenant_id, id, status, requested_by, requested_by_type, object_key, table_counts, row_count, size_bytes, error, attempts, created_at, completed_at';

/** Where an export's archive is kept: under the tenant's prefix, so deleting the tenant deletes it. */
export function exportObjectKey(tenantId: string, exportId: string): string {
  return `tenants/${tenantId}/exports/${exportId}.jsonl.gz`;
}

/** The row as the API shows it; given the store, a ready export gets a fresh short-lived link. */
export async function toDataExport(
  row: DataExportRow,
  now: Date,
  store?: Pick<ObjectStore, 'downloadUrl'>,
): Promise<DataExport> {
  const download =
    store && row.status === 'ready' && row.object_key
      ? {
          url: await store.downloadUrl(row.object_key, {
            expiresInSeconds: DOWNLOAD_LINK_SECONDS,
            fileName: `halooid-export-${row.created_at.toISOString().slice(0, 10)}-${row.id}.jsonl.gz`,
          }),
          expiresAt: new Date(now.getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString(),
        }
      : null;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    status: row.status,
    requestedBy: row.requested_by,
    requestedByType: row.requested_by_type,
    tables: row.table_counts,
    rowCount: row.row_count === null ? null : Number(row.row_count),
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    error: row.error,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    download,
  };
}

/**
 * Queues an export of the transaction's current tenant. One at a time per
 * tenant: while one is queued or running, asking again is a 409 naming it
 * (an archive of every row is not something to produce twice by a double click).
 */
export async function queueExport(
  tx: Tx,
  input: {
    tenantId: string;
    id: string;
    requestedBy: string;
    requestedByType: DataExport['requestedByType'];
  },
): Promise<DataExportRow> {
  const { rows: tenants } = await tx.query<{ status: string }>(
    'select status from platform.tenants where id = $1',
    [input.tenantId],
  );
  if (tenants[0]?.status === 'disabled') {
    throw new BusinessRuleError('tenant_disabled', 'A disabled tenant cannot be exported.');
  }
  // Serialises two requests of one tenant, so the check below sees the other's row.
  await tx.query(`select pg_advisory_xact_lock(hashtextextended('adminhub.data_exports:' || $1, 0))`, [
    input.tenantId,
  ]);
  const { rows: open } = await tx.query<{ id: string }>(
    `select id from adminhub.data_exports
      where tenant_id = $1 and status in ('queued', 'running') limit 1`,
    [input.tenantId],
  );
  if (open[0]) {
    throw new ConflictError('An export of this tenant is already under way.', 'export_in_progress', {
      existingId: open[0].id,
    });
  }
  const { rows } = await tx.query<DataExportRow>(
    `insert into adminhub.data_exports (tenant_id, id, requested_by, requested_by_type)
     values ($1, $2, $3, $4)
     returning ${EXPORT_COLUMNS}`,
    [input.tenantId, input.id, input.requestedBy, input.requestedByType],
  );
  return rows[0] as DataExportRow;
}
