import { defineRoute, defineService } from '@halooid/shared/manifest';
import { ImportQuery } from '../domain/record-import';
import { ExportContactsQuery, ImportContactsBody, ImportContactsResult } from './schemas';

/**
 * Contacts in and out as CSV: moving off another CRM (HubSpot, Twenty, a
 * spreadsheet), or handing a list to a spreadsheet. The export reads through
 * the list's visibility; the import writes through the same use cases as
 * POST and PATCH /contacts (domain/contact-writes.ts).
 */
export const contactTransferService = defineService({
  product: 'customerconnect',
  capability: 'contact-transfer',
  description:
    'Contacts in and out as CSV: import with column mapping, dedupe by email and a per-row report; export of any list.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [{ type: 'contact.created' }, { type: 'contact.updated' }],
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'exportContacts',
      method: 'GET',
      path: '/v1/customerconnect/contacts/export',
      permission: 'customerconnect:contact:read',
      summary: 'Export contacts as CSV',
      description:
        'Every contact the list would return for the same filters and sort (within your visibility), as one ' +
        '`text/csv` download (UTF-8 with BOM, CRLF, RFC 4180 quoting; cells starting with = + - @ get a leading ' +
        "`'`). Columns: id, first name, last name, email, other emails, phone, title, company, company domain, " +
        'lifecycle stage, do not contact, tags, owner, city, country, created at, then `custom.<key>` per custom ' +
        'field. The import takes the file back. More than 25,000 contacts is a 400: narrow the filters.',
      query: ExportContactsQuery,
      produces: ['text/csv'],
    }),
    defineRoute({
      operationId: 'importContacts',
      method: 'POST',
      path: '/v1/customerconnect/contacts/import',
      permission: 'customerconnect:contact:write',
      summary: 'Import contacts from CSV',
      description:
        'Send JSON `{"csv": "...", "mapping": {"E-mail Address": "email"}, "dedupe": "update"}`, or the CSV as ' +
        '`Content-Type: text/csv` with `?dedupe=` and `?map=Header:field` (1 MB at most either way: about 5,000 ' +
        'rows of 200 bytes; split larger files). A row whose email an existing contact has (or an earlier row of ' +
        'the file) is a match: `dedupe=skip` (default) reports it in `skipped` with the matched id, `update` ' +
        'changes only the matched contact (non-empty cells; emails, phones and tags are added), `create` makes a ' +
        'new contact anyway. Each row is written on its own: a refused row is reported in `failed` with its row ' +
        'number (the header is row 1), column and reason, and the others land. A file without a header or a ' +
        'last-name column is a 400 and imports nothing.',
      query: ImportQuery,
      body: ImportContactsBody,
      textBodyTypes: ['text/csv'],
      response: ImportContactsResult,
    }),
  ],
});
