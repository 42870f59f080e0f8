import * as z from 'zod';
import { contactListFilters } from '../domain/contact';
import { importBodySchema, recordImportResultSchema } from '../domain/record-import';

/** The contact list's filters and sort, without paging: an export is every matching contact you can see. */
export const ExportContactsQuery = z.strictObject(contactListFilters);
export type ExportContactsQuery = z.output<typeof ExportContactsQuery>;

export const ImportContactsBody = importBodySchema(
  'CSV with a header row. Columns (any order; case, spaces and punctuation ignored; or map yours with ' +
    '`mapping`): `last name` (required), `first name`, `email` (the primary one), `other emails` (`;`-separated), ' +
    '`phone`, `title` (or `job title`), `company` (the name of an existing company) or `company domain`, ' +
    '`lifecycle stage`, `do not contact` (true/false), `tags` (`;`-separated), `owner` (a user’s email), `city`, ' +
    '`country` (ISO code such as DE), and custom fields as `custom.<key>` or by their label. Other columns (such ' +
    'as the export’s id) are ignored and counted. At most 100 columns and 5,000 rows.',
);

export const ImportContactsResult = recordImportResultSchema('contact');
export type ImportContactsResult = z.infer<typeof ImportContactsResult>;
