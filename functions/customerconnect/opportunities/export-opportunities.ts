import type { Tx } from '@halooid/shared/db/transaction';
import { ValidationError } from '@halooid/shared/errors';
import { type CsvValue, toCsv } from '@halooid/shared/http/csv';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { type FieldDefinition, loadFields } from '../domain/custom-fields';
import { ownerEmailsOf } from '../domain/members';
import type { Opportunity } from '../domain/opportunity';
import { binderFor, visibilityOf, visibleCondition } from '../domain/visibility';
import { listOpportunities } from './list-opportunities';
import type { ExportOpportunitiesQuery } from './schemas';

/** One CSV must fit one Lambda response (6 MB, a little less once encoded). */
export const EXPORT_MAX_ROWS = 25_000;
export const EXPORT_MAX_BYTES = 5 * 1024 * 1024;
const PAGE_SIZE = 100;

export const EXPORT_HEADER = [
  'id',
  'name',
  'pipeline',
  'stage',
  'status',
  'amount',
  'currency',
  'expected close date',
  'company',
  'owner',
  'tags',
  'close reason',
  'closed at',
  'created at',
] as const;

export type ExportOpportunitiesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

function tooLarge(what: string): ValidationError {
  return new ValidationError(`The export is too large (${what}); narrow the filters and export in parts.`, [
    {
      field: 'query',
      message: `At most ${EXPORT_MAX_ROWS} opportunities per export.`,
      code: 'export_too_large',
    },
  ]);
}

/** A custom value as text: multi-select joined by `;`, currency as `amount CODE`. */
function customText(definition: FieldDefinition, value: unknown): CsvValue {
  if (value === null || value === undefined) return null;
  if (definition.type === 'multi_select' && Array.isArray(value)) return value.join(';');
  if (definition.type === 'currency' && typeof value === 'object') {
    const money = value as { amount?: string; currency?: string };
    return `${money.amount} ${money.currency}`;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

async function namesOf(tx: Tx, sql: string, values: unknown[]): Promise<Map<string, string>> {
  const { rows } = await tx.query<{ id: string; name: string }>(sql, values);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Every opportunity the list would show for these filters, in its order, as
 * CSV (formula-safe: shared/src/http/csv.ts), read a page at a time through
 * the list itself, so the file holds exactly the rows the caller may see.
 * Companies are named only when the caller may see them; owners by email;
 * amounts stay the exact decimal strings; custom fields follow as
 * `custom.<key>` columns.
 */
export async function exportOpportunities(
  query: ExportOpportunitiesQuery,
  deps: ExportOpportunitiesDeps,
): Promise<string> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const fields = await loadFields(tx, tenantId, 'opportunity');
  const opportunities: Opportunity[] = [];
  let cursor: string | undefined;
  do {
    const page = await listOpportunities({ ...query, limit: PAGE_SIZE, cursor }, deps);
    opportunities.push(...page.items);
    if (opportunities.length > EXPORT_MAX_ROWS) throw tooLarge(`more than ${EXPORT_MAX_ROWS} opportunities`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const pipelines = await namesOf(tx, 'select id, name from customerconnect.pipelines where tenant_id = $1', [
    tenantId,
  ]);
  const companyIds = [...new Set(opportunities.flatMap((each) => (each.companyId ? [each.companyId] : [])))];
  const companyValues: unknown[] = [tenantId, companyIds];
  const visibleCompany = visibleCondition(
    await visibilityOf(tx, principal, 'company'),
    tenantId,
    'owner_id',
    binderFor(companyValues),
  );
  const companies = await namesOf(
    tx,
    `select id, name from customerconnect.companies where tenant_id = $1 and id = any($2::uuid[]) and ${visibleCompany}`,
    companyValues,
  );
  const owners = await ownerEmailsOf(
    tx,
    opportunities.flatMap((each) => (each.ownerId ? [each.ownerId] : [])),
  );
  const rows = opportunities.map((opportunity): CsvValue[] => [
    opportunity.id,
    opportunity.name,
    pipelines.get(opportunity.pipelineId),
    opportunity.stage.name,
    opportunity.status,
    opportunity.amount,
    opportunity.currency,
    opportunity.expectedCloseDate,
    opportunity.companyId ? companies.get(opportunity.companyId) : null,
    opportunity.ownerId ? owners.get(opportunity.ownerId) : null,
    opportunity.tags.join(';'),
    opportunity.closeReason,
    opportunity.closedAt,
    opportunity.createdAt,
    ...fields.definitions.map((definition) => customText(definition, opportunity.custom[definition.key])),
  ]);
  const csv = toCsv(
    [...EXPORT_HEADER, ...fields.definitions.map((definition) => `custom.${definition.key}`)],
    rows,
  );
  if (Buffer.byteLength(csv) > EXPORT_MAX_BYTES) throw tooLarge(`over ${EXPORT_MAX_BYTES / 1024 / 1024} MB`);
  return csv;
}
