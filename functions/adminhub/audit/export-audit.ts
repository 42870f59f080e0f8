import { type CsvValue, toCsv } from '@halooid/shared/http/csv';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectAuditPage } from './repository';
import type { AuditEntry, ExportAuditQuery } from './schemas';

/**
 * One export must fit one Lambda response (6 MB) with details of a few
 * hundred bytes each; past it the file holds the newest rows and says so
 * (X-Export-Truncated), and the caller narrows `from`/`to` for the rest.
 */
export const EXPORT_MAX_ROWS = 10_000;
const PAGE_SIZE = 500;

export const EXPORT_HEADER = [
  'occurred at',
  'actor id',
  'actor type',
  'actor name',
  'actor email',
  'action',
  'target type',
  'target id',
  'ip',
  'correlation id',
  'details',
  'id',
] as const;

export type ExportAuditDeps = Pick<RequestDeps, 'tx' | 'principal' | 'now'>;

export interface AuditExport {
  body: string;
  rows: number;
  truncated: boolean;
}

function csvRow(entry: AuditEntry): CsvValue[] {
  return [
    entry.occurredAt,
    entry.actor.id,
    entry.actor.type,
    entry.actor.name,
    entry.actor.email,
    entry.action,
    entry.target.type,
    entry.target.id,
    entry.ip,
    entry.correlationId,
    JSON.stringify(entry.details),
    entry.id,
  ];
}

/**
 * The entries the list shows for these filters, newest first, read through
 * the list's own query a page at a time: CSV through the shared writer (cells
 * a spreadsheet could run as a formula get a leading `'`), or JSON lines, one
 * entry per line exactly as the list returns it.
 */
export async function exportAudit(query: ExportAuditQuery, deps: ExportAuditDeps): Promise<AuditExport> {
  const { format, ...filters } = query;
  const now = deps.now();
  const entries: AuditEntry[] = [];
  let cursor: string | undefined;
  let truncated = false;
  do {
    const limit = Math.min(PAGE_SIZE, EXPORT_MAX_ROWS - entries.length);
    const page = await selectAuditPage(deps.tx, deps.principal.tenantId, filters, { cursor, limit, now });
    entries.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (cursor && entries.length >= EXPORT_MAX_ROWS) {
      truncated = true;
      cursor = undefined;
    }
  } while (cursor);
  const body =
    format === 'jsonl'
      ? entries.map((entry) => `${JSON.stringify(entry)}\n`).join('')
      : toCsv(EXPORT_HEADER, entries.map(csvRow));
  return { body, rows: entries.length, truncated };
}
