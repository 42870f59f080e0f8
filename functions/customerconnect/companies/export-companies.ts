import { ValidationError } from '@halooid/shared/errors';
import { type CsvValue, toCsv } from '@halooid/shared/http/csv';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { Company } from '../domain/company';
import { type FieldDefinition, loadFields } from '../domain/custom-fields';
import { ownerEmailsOf } from '../domain/members';
import { visibilityOf } from '../domain/visibility';
import { selectCompanies } from './repository';
import type { ExportCompaniesQuery } from './schemas';

/** One CSV must fit one Lambda response: beyond these the caller narrows the filters. */
export const EXPORT_MAX_ROWS = 25_000;
export const EXPORT_MAX_BYTES = 5 * 1024 * 1024;
const PAGE_SIZE = 500;

/** The fixed columns; one `custom.<key>` column per active custom field follows, then the id and times. */
export const EXPORT_HEADER = [
  'name',
  'domain',
  'industry',
  'size',
  'phone',
  'website',
  'owner',
  'tags',
  'street',
  'street extra',
  'city',
  'region',
  'postal code',
  'country',
] as const;
const TRAILER = ['id', 'created at', 'updated at'] as const;

export type ExportCompaniesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

function tooLarge(what: string): ValidationError {
  return new ValidationError(`The export is too large (${what}); narrow the filters and export in parts.`, [
    { field: 'query', message: `At most ${EXPORT_MAX_ROWS} companies per export.`, code: 'export_too_large' },
  ]);
}

/** A custom value as a cell: lists joined with `; `, currency as `1250.00 EUR`. */
export function customCell(definition: FieldDefinition, value: unknown): CsvValue {
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
 * Every company the list shows for these filters, in its order, as CSV:
 * read through the list's query a page at a time with the caller's
 * visibility, so the file holds exactly the rows the caller may see. Cells
 * that look like formulas get a leading `'` (shared/src/http/csv.ts).
 */
export async function exportCompanies(
  query: ExportCompaniesQuery,
  deps: ExportCompaniesDeps,
): Promise<string> {
  const { tx, principal } = deps;
  const visibility = await visibilityOf(tx, principal, 'company');
  const fields = await loadFields(tx, principal.tenantId, 'company');
  const context = {
    tenantId: principal.tenantId,
    userId: principal.principalType === 'user' ? principal.principalId : null,
    visibility,
    fields,
  };
  const companies: Company[] = [];
  let cursor: string | undefined;
  do {
    const page = await selectCompanies(tx, context, { ...query, limit: PAGE_SIZE, cursor });
    companies.push(...page.items);
    if (companies.length > EXPORT_MAX_ROWS) throw tooLarge(`more than ${EXPORT_MAX_ROWS} companies`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const owners = await ownerEmailsOf(
    tx,
    companies.flatMap((company) => (company.ownerId ? [company.ownerId] : [])),
  );
  const header = [
    ...EXPORT_HEADER,
    ...fields.definitions.map((definition) => `custom.${definition.key}`),
    ...TRAILER,
  ];
  const rows = companies.map((company): CsvValue[] => [
    company.name,
    company.domain,
    company.industry,
    company.size,
    company.phone,
    company.website,
    company.ownerId ? (owners.get(company.ownerId) ?? company.ownerId) : null,
    company.tags.join('; '),
    company.address?.line1,
    company.address?.line2,
    company.address?.city,
    company.address?.region,
    company.address?.postalCode,
    company.address?.country,
    ...fields.definitions.map((definition) => customCell(definition, company.custom[definition.key])),
    company.id,
    company.createdAt,
    company.updatedAt,
  ]);
  const csv = toCsv(header, rows);
  if (Buffer.byteLength(csv) > EXPORT_MAX_BYTES) throw tooLarge(`over ${EXPORT_MAX_BYTES / 1024 / 1024} MB`);
  return csv;
}
