import { type Tx, withWorkerTransaction } from '@halooid/shared/db/transaction';
import { isUuid } from '@halooid/shared/ids';
import { createLogger, type Logger } from '@halooid/shared/observability';
import type { ObjectStore } from '@halooid/shared/storage/object-store';
import { getObjectStore } from '@halooid/shared/storage/s3-object-store';
import { exportObjectKey } from '../domain/data-exports';
import { listTenantTables } from '../domain/tenant-tables';
import { type ArchiveManifest, ArchiveWriter } from './archive';

export interface ExportJobDeps {
  /** A transaction as halooid_worker: the job spans tenants. */
  worker: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
  store: ObjectStore;
  now: () => Date;
  logger: Pick<Logger, 'info' | 'error'>;
}

/** Exports a run takes on; the next run (a minute later) takes the rest. */
const EXPORTS_PER_RUN = 3;
/** A run that died (a Lambda timeout) leaves its export `running`: after this it is taken again. */
const STALE_AFTER = '15 minutes';
/** Tries before an export is given up as `failed`. */
const MAX_ATTEMPTS = 3;
/** Rows fetched from the cursor at a time: bounds the job's memory per table. */
const FETCH_ROWS = 1000;

interface Claimed {
  tenant_id: string;
  id: string;
  attempts: number;
}

/**
 * The export job (scheduled every minute; locally every few seconds): takes
 * queued exports of every tenant one by one, reads every row the tenant has
 * into an archive, stores it in S3 and marks the export ready. A queue and a
 * job, not work after the response: an archive of a large tenant outlasts
 * any request, and a crash leaves the export queued for the next run.
 */
export async function runExportJob(
  deps: ExportJobDeps = defaultDeps(),
): Promise<{ ready: number; failed: number }> {
  let ready = 0;
  let failed = 0;
  for (let taken = 0; taken < EXPORTS_PER_RUN; taken++) {
    const claimed = await deps.worker(claimNext);
    if (!claimed) break;
    try {
      const { bytes, manifest } = await deps.worker((tx) => readArchive(tx, claimed, deps.now()));
      const key = exportObjectKey(claimed.tenant_id, claimed.id);
      await deps.store.put(key, bytes, { contentType: 'application/gzip' });
      await deps.worker((tx) => markReady(tx, claimed, key, manifest, bytes.length));
      deps.logger.info('Tenant export ready', {
        tenantId: claimed.tenant_id,
        exportId: claimed.id,
        rows: manifest.rows,
        bytes: bytes.length,
      });
      ready++;
    } catch (error) {
      const final = claimed.attempts >= MAX_ATTEMPTS;
      deps.logger.error('Tenant export failed', {
        tenantId: claimed.tenant_id,
        exportId: claimed.id,
        final,
        error,
      });
      await deps.worker((tx) => markFailed(tx, claimed, final));
      if (final) failed++;
      // The next run is the retry: a cause that lasts (S3 down) must not burn every attempt at once.
      break;
    }
  }
  return { ready, failed };
}

function defaultDeps(): ExportJobDeps {
  return {
    worker: withWorkerTransaction,
    store: getObjectStore(),
    now: () => new Date(),
    logger: createLogger('adminhub-export-worker'),
  };
}

async function claimNext(tx: Tx): Promise<Claimed | undefined> {
  const { rows } = await tx.query<Claimed>(
    `update adminhub.data_exports e
        set status = 'running', started_at = now(), attempts = e.attempts + 1
      where (e.tenant_id, e.id) = (
              select tenant_id, id from adminhub.data_exports
               where status = 'queued' or (status = 'running' and started_at < now() - interval '${STALE_AFTER}')
               order by created_at
               limit 1
               for update skip locked)
      returning e.tenant_id, e.id, e.attempts`,
  );
  return rows[0];
}

/**
 * Every row of the tenant, read in one REPEATABLE READ transaction so the
 * counts of all tables are of one moment. adminhub.export_rows reads as the
 * table owner with RLS pointed at the tenant and the tenant filter besides;
 * a server-side cursor streams each table FETCH_ROWS at a time.
 */
async function readArchive(
  tx: Tx,
  claimed: Claimed,
  now: Date,
): Promise<{ bytes: Buffer; manifest: ArchiveManifest }> {
  await tx.query('set transaction isolation level repeatable read');
  const writer = new ArchiveWriter();
  let tenant: { slug: string | null; name: string | null } = { slug: null, name: null };
  // DECLARE takes no bind parameters: both values are checked (a uuid; an
  // oid, an integer) before they meet the SQL.
  if (!isUuid(claimed.tenant_id)) throw new Error(`Not a tenant id: ${claimed.tenant_id}`);
  for (const { table, oid } of await listTenantTables(tx)) {
    writer.startTable(table);
    if (!Number.isSafeInteger(oid)) throw new Error(`Not a table oid: ${oid}`);
    await tx.query(
      `declare export_rows no scroll cursor for
         select r::text as row from adminhub.export_rows('${claimed.tenant_id}'::uuid, ${oid}::oid::regclass) r`,
    );
    for (;;) {
      const { rows } = await tx.query<{ row: string }>(`fetch forward ${FETCH_ROWS} from export_rows`);
      for (const { row } of rows) {
        writer.addRow(table, row);
        if (table === 'platform.tenants') tenant = JSON.parse(row) as typeof tenant;
      }
      if (rows.length < FETCH_ROWS) break;
    }
    await tx.query('close export_rows');
  }
  return writer.finish({
    exportId: claimed.id,
    tenant: { id: claimed.tenant_id, slug: tenant.slug ?? null, name: tenant.name ?? null },
    createdAt: now.toISOString(),
  });
}

async function markReady(
  tx: Tx,
  claimed: Claimed,
  key: string,
  manifest: ArchiveManifest,
  sizeBytes: number,
): Promise<void> {
  await tx.query(
    `update adminhub.data_exports
        set status = 'ready', object_key = $3, table_counts = $4, row_count = $5, size_bytes = $6,
            error = null, completed_at = now()
      where tenant_id = $1 and id = $2`,
    [claimed.tenant_id, claimed.id, key, JSON.stringify(manifest.tables), manifest.rows, sizeBytes],
  );
}

/** Back in the queue for another try, or `failed` after the last; the message is for people, the cause is logged. */
async function markFailed(tx: Tx, claimed: Claimed, final: boolean): Promise<void> {
  await tx.query(
    `update adminhub.data_exports
        set status = $3, error = $4
      where tenant_id = $1 and id = $2`,
    [
      claimed.tenant_id,
      claimed.id,
      final ? 'failed' : 'queued',
      final
        ? 'The export could not be produced; ask for a new one, or contact support if it fails again.'
        : null,
    ],
  );
}
