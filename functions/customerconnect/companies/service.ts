import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { ImportQuery } from '../domain/record-import';
import {
  Company,
  CompanyParams,
  CreateCompanyBody,
  ExportCompaniesQuery,
  ImportCompaniesBody,
  ImportCompaniesResult,
  ListCompaniesQuery,
  MergeCompanyBody,
  UpdateCompanyBody,
} from './schemas';

const VISIBLE =
  'Only companies you may see: every one with `customerconnect:record:admin`, otherwise what the tenant’s company visibility (all, team or own) and your teams allow; any other is a 404.';

/**
 * Companies (accounts) of the CRM: the records contacts and deals belong to.
 * `read` and `write` are the two grants every CRM object has; which rows a
 * caller reaches is the visibility rule (domain/visibility.ts), not a
 * permission. Duplicates are found by the normalized domain; merging keeps
 * one company and leaves the other as a tombstone that answers with it.
 */
export const companiesService = defineService({
  product: 'customerconnect',
  capability: 'companies',
  description: 'Companies (accounts): list, create, change, merge, CSV import and export.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [{ type: 'company.created' }, { type: 'company.updated' }, { type: 'company.merged' }],
  permissions: [
    {
      name: 'customerconnect:company:read',
      description: 'See companies (within the visibility rule) and export them.',
    },
    {
      name: 'customerconnect:company:write',
      description: 'Create, change and merge companies (within the visibility rule).',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listCompanies',
      method: 'GET',
      path: '/v1/customerconnect/companies',
      permission: 'customerconnect:company:read',
      summary: 'List companies',
      description: `Newest first unless \`sort\` says otherwise, a page at a time (\`cursor\` from the previous page). Merged companies (tombstones) are left out. ${VISIBLE}`,
      query: ListCompaniesQuery,
      response: pageOf(Company),
    }),
    defineRoute({
      operationId: 'exportCompanies',
      method: 'GET',
      path: '/v1/customerconnect/companies/export',
      permission: 'customerconnect:company:read',
      summary: 'Export companies as CSV',
      description:
        "Every company the list would return for the same filters and sort, as one `text/csv` download (UTF-8 with BOM, CRLF, RFC 4180 quoting; cells starting with = + - @ get a leading `'`). Columns: name, domain, industry, size, phone, website, owner (email), tags (`; `-separated), street, street extra, city, region, postal code, country, one `custom.<key>` per custom field, id, created at, updated at. More than 25,000 companies is a 400: narrow the filters.",
      query: ExportCompaniesQuery,
      produces: ['text/csv'],
    }),
    defineRoute({
      operationId: 'importCompanies',
      method: 'POST',
      path: '/v1/customerconnect/companies/import',
      permission: 'customerconnect:company:write',
      summary: 'Import companies from CSV',
      description:
        'Send JSON `{"csv": "...", "mapping": {"Company Domain Name": "domain"}, "dedupe": "update"}`, or the CSV as ' +
        '`Content-Type: text/csv` with `?dedupe=` and `?map=Header:field` (1 MB at most either way: about 5,000 ' +
        'rows; split larger files). A row whose domain (normalized; the website’s host when there is no domain) an ' +
        'existing live company has, or an earlier row of the file, is a match: `dedupe=skip` (default) reports it in ' +
        '`skipped` with the matched id (null when you cannot see it), `update` changes the match with the row’s ' +
        'non-empty cells (tags are added), `create` makes a new company anyway. Each row is written on its own, ' +
        'through the same rules as POST and PATCH: a refused row is reported in `failed` with its row number (the ' +
        'header is row 1), column and reason, and the others land. A file without a header or a name column is a ' +
        '400 and imports nothing.',
      query: ImportQuery,
      body: ImportCompaniesBody,
      textBodyTypes: ['text/csv'],
      response: ImportCompaniesResult,
    }),
    defineRoute({
      operationId: 'createCompany',
      method: 'POST',
      path: '/v1/customerconnect/companies',
      permission: 'customerconnect:company:write',
      summary: 'Create a company',
      description:
        'You own it unless `ownerId` names another member. `domain` (or, without one, the website’s host) is stored normalized (`https://www.Acme.com/x` → `acme.com`); a live company with the same domain (whoever owns it) is a 409 `duplicate_company` whose `existingId` names it when you may see it, unless `force: true`. `custom` is validated against the company custom fields.',
      body: CreateCompanyBody,
      status: 201,
      response: Company,
    }),
    defineRoute({
      operationId: 'getCompany',
      method: 'GET',
      path: '/v1/customerconnect/companies/{companyId}',
      permission: 'customerconnect:company:read',
      summary: 'Get a company',
      description: `A merged company's id answers with the company it was merged into (200, \`Content-Location\` naming the survivor). ${VISIBLE}`,
      params: CompanyParams,
      response: Company,
    }),
    defineRoute({
      operationId: 'updateCompany',
      method: 'PATCH',
      path: '/v1/customerconnect/companies/{companyId}',
      permission: 'customerconnect:company:write',
      summary: 'Change a company',
      description:
        'Partial update with optimistic concurrency: send `version` (or `If-Match`); a stale one gets 409. `custom` merges key by key (`null` removes a key). A domain another live company has is a 409 `duplicate_company` (`existingId`) unless `force: true`. A merged company is a 422 `merged`. The change lands on the timeline with each field’s before and after.',
      params: CompanyParams,
      body: UpdateCompanyBody,
      headers: IF_MATCH_HEADER,
      response: Company,
    }),
    defineRoute({
      operationId: 'mergeCompany',
      method: 'POST',
      path: '/v1/customerconnect/companies/{companyId}/merge',
      permission: 'customerconnect:company:write',
      summary: 'Merge another company into this one',
      description:
        'Company `mergeId` becomes a tombstone of this one: its contacts, deals, activities and timeline move here; this company keeps its values and takes the other’s where it has none; tags and custom values are united (this company’s value wins a shared key). Both must be visible to you (else 404); merging a company into itself or a merged company is a 422. Answers with the surviving company.',
      params: CompanyParams,
      body: MergeCompanyBody,
      response: Company,
    }),
  ],
});
