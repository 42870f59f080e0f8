import { ValidationError } from '@halooid/shared/errors';
import { type CsvValue, toCsv } from '@halooid/shared/http/csv';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { Contact } from '../domain/contact';
import { selectContacts } from '../domain/contact-repository';
import { type FieldDefinition, loadFields } from '../domain/custom-fields';
import { ownerEmailsOf } from '../domain/members';
import { visibilityOf } from '../domain/visibility';
import { companiesByIds } from './repository';
import type { ExportContactsQuery } from './schemas';

/** One CSV must fit one Lambda response (6 MB, a little less once encoded). */
export const EXPORT_MAX_ROWS = 25_000;
export const EXPORT_MAX_BYTES = 5 * 1024 * 1024;
const PAGE_SIZE = 1_000;

export const EXPORT_HEADER = [
  'id',
  'first name',
  'last name',
  'email',
  'other emails',
  'phone',
  'title',
  'company',
  'company domain',
  'lifecycle stage',
  'do not contact',
  'tags',
  'owner',
  'city',
  'country',
  'created at',
] as const;

export type ExportContactsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

function tooLarge(what: string): ValidationError {
  return new ValidationError(`The export is too large (${what}); narrow the filters and export in parts.`, [
    { field: 'query', message: `At most ${EXPORT_MAX_ROWS} contacts per export.`, code: 'export_too_large' },
  ]);
}

/** A custom value as the import reads it back (customValueOf in domain/record-import.ts). */
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

/**
 * Every contact the list would show for these filters, in its order, as CSV
 * (formula-safe, see shared/src/http/csv.ts). Read a page at a time through
 * the list's repository with the caller's visibility, so the file holds
 * exactly the rows the caller may see; company names only of companies they
 * may see too.
 */
export async function exportContacts(query: ExportContactsQuery, deps: ExportContactsDeps): Promise<string> {
  const { tx, principal } = deps;
  const visibility = await visibilityOf(tx, principal, 'contact');
  const fields = await loadFields(tx, principal.tenantId, 'contact');
  const callerId = principal.principalType === 'user' ? principal.principalId : null;
  const contacts: Contact[] = [];
  let cursor: string | undefined;
  do {
    const page = await selectContacts(tx, principal.tenantId, callerId, visibility, fields, {
      ...query,
      limit: PAGE_SIZE,
      cursor,
    });
    contacts.push(...page.items);
    if (contacts.length > EXPORT_MAX_ROWS) throw tooLarge(`more than ${EXPORT_MAX_ROWS} contacts`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const companies = await companiesByIds(
    tx,
    principal.tenantId,
    contacts.flatMap((contact) => (contact.companyId ? [contact.companyId] : [])),
    await visibilityOf(tx, principal, 'company'),
  );
  const owners = await ownerEmailsOf(
    tx,
    contacts.flatMap((contact) => (contact.ownerId ? [contact.ownerId] : [])),
  );
  const rows = contacts.map((contact): CsvValue[] => {
    const company = contact.companyId ? companies.get(contact.companyId) : undefined;
    return [
      contact.id,
      contact.firstName,
      contact.lastName,
      contact.primaryEmail,
      contact.emails
        .filter((email) => !email.primary)
        .map((email) => email.email)
        .join(';'),
      (contact.phones.find((phone) => phone.primary) ?? contact.phones[0])?.number,
      contact.title,
      company?.name,
      company?.domain,
      contact.lifecycleStage,
      contact.doNotContact,
      contact.tags.join(';'),
      contact.ownerId ? owners.get(contact.ownerId) : null,
      contact.address?.city,
      contact.address?.country,
      contact.createdAt,
      ...fields.definitions.map((definition) => customText(definition, contact.custom[definition.key])),
    ];
  });
  const csv = toCsv(
    [...EXPORT_HEADER, ...fields.definitions.map((definition) => `custom.${definition.key}`)],
    rows,
  );
  if (Buffer.byteLength(csv) > EXPORT_MAX_BYTES) throw tooLarge(`over ${EXPORT_MAX_BYTES / 1024 / 1024} MB`);
  return csv;
}
