import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { DataExport, DataExportParams, ListDataExportsQuery } from './schemas';

/**
 * A tenant admin's export of the whole tenant: every row it has in every
 * product, as a gzipped JSON-lines archive (docs/adminhub.md "Tenant data
 * export"). Asking queues it; the export job (job-handler.ts, every minute)
 * produces it; reading a ready one hands out a download link that lasts
 * 15 minutes. `read` sees exports and downloads them; `write` asks for one.
 * Both are Admin grants (adminhub:*:*): the archive is everything.
 */
export const dataExportsService = defineService({
  product: 'adminhub',
  capability: 'data-exports',
  description:
    "Exports of the whole tenant's data, produced by a job and downloaded through short-lived links.",
  resources: { database: true, tables: ['idempotency'], objectStore: true },
  permissions: [
    { name: 'adminhub:data-export:read', description: "See the tenant's data exports and download them." },
    { name: 'adminhub:data-export:write', description: "Ask for an export of all the tenant's data." },
  ],
  routes: [
    defineRoute({
      operationId: 'listDataExports',
      method: 'GET',
      path: '/v1/adminhub/data-exports',
      permission: 'adminhub:data-export:read',
      summary: 'List data exports',
      description: 'Newest first, a page at a time. Links are given only by `GET …/data-exports/{exportId}`.',
      query: ListDataExportsQuery,
      response: pageOf(DataExport),
    }),
    defineRoute({
      operationId: 'createDataExport',
      method: 'POST',
      path: '/v1/adminhub/data-exports',
      permission: 'adminhub:data-export:write',
      summary: 'Export all the tenant’s data',
      description:
        'Queues an export of every row the tenant has in every product (members’ user records included; sealed fields stay sealed). The export job produces it within minutes: poll `GET …/data-exports/{exportId}` until `status` is `ready`. One at a time: while one is queued or running, this is a 409 `export_in_progress` whose `existingId` names it. Audited. Honours `Idempotency-Key`.',
      status: 202,
      response: DataExport,
    }),
    defineRoute({
      operationId: 'getDataExport',
      method: 'GET',
      path: '/v1/adminhub/data-exports/{exportId}',
      permission: 'adminhub:data-export:read',
      summary: 'Get a data export',
      description:
        'Its status and, once `ready`, the rows per table and `download`: a presigned link to the archive that expires after 15 minutes (ask again for a fresh one). Each link handed out is audited. Another tenant’s export, or none, is a 404.',
      params: DataExportParams,
      response: DataExport,
    }),
  ],
});
