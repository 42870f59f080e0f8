import { ValidationError } from '@halooid/shared/errors';
import { type CsvValue, toCsv } from '@halooid/shared/http/csv';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { type FieldDefinition, loadFields } from '../domain/custom-fields';
import type { Lead } from '../domain/leads';
import { ownerEmailsOf } from '../domain/members';
import { visibilityOf } from '../domain/visibility';
import { selectLeads } from './repository';
import type { ExportLeadsQuery } from './schemas';

/** One CSV must fit one Lambda response: beyond these the caller narrows the filters. */
export const EXPORT_MAX_ROWS = 25_000;
export const EXPORT_MAX_BYTES = 5 * 1024 * 1024;
const PAGE_SIZE = 100;

/** The fixed columns; one `custom.<key>` column per active custom field follows, then the conversion links, id and times. */
export const EXPORT_HEADER = [
  'first name',
  'last name',
  'email',
  'phone',
  'company name',
  'title',
  'website',
  'source',
  'status',
  'score',
  'territory',
  'owner',
  'tags',
  'message',
] as const;
const TRAILER = [
  'converted at',
  'converted contact id',
  'converted company id',
  'converted opportunity id',
  'id',
  'created at',
  'updated at',
] as const;

export type ExportLeadsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

function tooLarge(what: string): ValidationError {
  return new ValidationError(`The export is too large (${what}); narrow the filters and export in parts.`, [
    { field: 'query', message: `At most ${EXPORT_MAX_ROWS} leads per export.`, code: 'export_too_large' },
  ]);
}

/** A custom value as a cell: lists joined with `; `, currency as `1250.00 EUR`. */
function customCell(definition: FieldDefinition, value: unknown): CsvValue {
  if (value === undefined || value === null) return null;
  if (definition.type === 'multi_select' && Array.isArray(value)) return value.join('; ');
  if (definition.type === 'currency' && typeof value === 'object') {
    const money = value as { amount?: string; currency?: string };
    return `${money.amount ?? ''} ${money.currency ?? ''}`.trim();
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/**
 * Every lead the list shows for these filters, in its order, as CSV: read
 * through the list's query a page at a time with the caller's visibility, so
 * the file holds exactly the rows the caller may see. Cells that look like
 * formulas get a leading `'` (shared/src/http/csv.ts).
 */
export async function exportLeads(query: ExportLeadsQuery, deps: ExportLeadsDeps): Promise<string> {
  const { tx, principal } = deps;
  const context = {
    visibility: await visibilityOf(tx, principal, 'lead'),
    userId: principal.principalType === 'user' ? principal.principalId : null,
    fields: await loadFields(tx, principal.tenantId, 'lead'),
  };
  const leads: Lead[] = [];
  let cursor: string | undefined;
  do {
    const page = await selectLeads(tx, principal.tenantId, { ...query, limit: PAGE_SIZE, cursor }, context);
    leads.push(...page.items);
    if (leads.length > EXPORT_MAX_ROWS) throw tooLarge(`more than ${EXPORT_MAX_ROWS} leads`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const owners = await ownerEmailsOf(
    tx,
    leads.flatMap((lead) => (lead.ownerId ? [lead.ownerId] : [])),
  );
  const definitions = context.fields.definitions;
  const header = [
    ...EXPORT_HEADER,
    ...definitions.map((definition) => `custom.${definition.key}`),
    ...TRAILER,
  ];
  const rows = leads.map((lead): CsvValue[] => [
    lead.firstName,
    lead.lastName,
    lead.email,
    lead.phone,
    lead.companyName,
    lead.title,
    lead.website,
    lead.source,
    lead.status,
    lead.score,
    lead.territory,
    lead.ownerId ? (owners.get(lead.ownerId) ?? lead.ownerId) : null,
    lead.tags.join('; '),
    lead.message,
    ...definitions.map((definition) => customCell(definition, lead.custom[definition.key])),
    lead.convertedAt,
    lead.convertedContactId,
    lead.convertedCompanyId,
    lead.convertedOpportunityId,
    lead.id,
    lead.createdAt,
    lead.updatedAt,
  ]);
  const csv = toCsv(header, rows);
  if (Buffer.byteLength(csv) > EXPORT_MAX_BYTES) throw tooLarge(`over ${EXPORT_MAX_BYTES / 1024 / 1024} MB`);
  return csv;
}
