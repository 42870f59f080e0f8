import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { AuditEntry, ExportAuditQuery, ListAuditQuery } from './schemas';

/**
 * The audit log console: every audited action of every product in the
 * tenant (platform.audit_log, written by shared/src/audit.ts), searched,
 * paged and exported. Read-only by design: the log is append-only, and its
 * retention is the daily job's (retention/, adminhub.purge_audit_log).
 */
export const auditService = defineService({
  product: 'adminhub',
  capability: 'audit',
  description: "The tenant's audit log: who did what to which record, from where and when.",
  resources: { database: true },
  permissions: [{ name: 'adminhub:audit:read', description: 'Search and export the audit log.' }],
  routes: [
    defineRoute({
      operationId: 'listAuditEntries',
      method: 'GET',
      path: '/v1/adminhub/audit',
      permission: 'adminhub:audit:read',
      summary: 'Search the audit log',
      description:
        'Every audited action of every product, newest first, a page at a time (`cursor` from the previous page). Filters combine: `actor` (id), `action` (exact, or a prefix as `invantray.*`), `target` (`type` or `type:id`), `from`/`to` (instants) and `q` (free text over action, target and details; the last 90 days unless `from` is given).',
      query: ListAuditQuery,
      response: pageOf(AuditEntry),
    }),
    defineRoute({
      operationId: 'exportAuditEntries',
      method: 'GET',
      path: '/v1/adminhub/audit/export',
      permission: 'adminhub:audit:read',
      summary: 'Export the audit log as CSV or JSON lines',
      description:
        "The entries the search returns for the same filters, newest first: `format=csv` (UTF-8 with BOM, RFC 4180, cells a spreadsheet could run as a formula get a leading `'`; details as JSON) or `format=jsonl` (one entry per line, as the search shows it). At most 10,000 rows: `X-Export-Rows` says how many, `X-Export-Truncated: true` that older ones were left out (narrow `from`/`to`). The export itself is audited.",
      query: ExportAuditQuery,
      produces: ['text/csv', 'application/x-ndjson'],
    }),
  ],
});
