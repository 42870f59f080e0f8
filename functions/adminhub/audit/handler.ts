import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse } from '@halooid/shared/http/csv';
import { EXPORT_MAX_ROWS, exportAudit } from './export-audit';
import { listAudit } from './list-audit';
import { recordExport } from './record-export';
import { auditService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(auditService, {
  listAuditEntries: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listAudit(query, deps)),
  }),
  exportAuditEntries: async ({ query, inTenant }) => {
    const file = await inTenant(async (deps) => {
      const exported = await exportAudit(query, deps);
      await recordExport(query, exported, deps);
      return exported;
    });
    const headers = {
      'X-Export-Rows': String(file.rows),
      'X-Export-Row-Limit': String(EXPORT_MAX_ROWS),
      'X-Export-Truncated': String(file.truncated),
    };
    const name = `audit-${new Date().toISOString().slice(0, 10)}`;
    if (query.format === 'jsonl') {
      return {
        raw: file.body,
        contentType: 'application/x-ndjson; charset=utf-8',
        headers: { ...headers, 'Content-Disposition': `attachment; filename="${name}.jsonl"` },
      };
    }
    const csv = csvResponse(`${name}.csv`, file.body);
    return { ...csv, headers: { ...csv.headers, ...headers } };
  },
});
