import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse } from '@halooid/shared/http/csv';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { importRequestOf } from '../domain/record-import';
import { createCompany } from './create-company';
import { exportCompanies } from './export-companies';
import { getCompany } from './get-company';
import { importCompanies } from './import-companies';
import { listCompanies } from './list-companies';
import { mergeCompanies } from './merge-companies';
import { companiesService } from './service';
import { updateCompany } from './update-company';

const locationOf = (id: string) => `/v1/customerconnect/companies/${id}`;

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(companiesService, {
  listCompanies: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listCompanies(query, deps)),
  }),
  exportCompanies: async ({ query, inTenant }) => {
    const csv = await inTenant((deps) => exportCompanies(query, deps));
    return csvResponse(`companies-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  },
  importCompanies: async ({ body, query, inTenant }) => {
    const request = importRequestOf(body, query);
    return { body: await inTenant((deps) => importCompanies(request, deps)) };
  },
  createCompany: async ({ body, inTenant }) => {
    const company = await inTenant((deps) => createCompany(body, deps));
    return { body: company, headers: { Location: locationOf(company.id), ...etag(company.version) } };
  },
  getCompany: async ({ params, inTenant }) => {
    const { company, resolvedFrom } = await inTenant((deps) => getCompany(params.companyId, deps));
    return {
      body: company,
      headers: {
        ...etag(company.version),
        ...(resolvedFrom ? { 'Content-Location': locationOf(company.id) } : {}),
      },
    };
  },
  updateCompany: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const company = await inTenant((deps) => updateCompany(params.companyId, version, changes, deps));
    return { body: company, headers: etag(company.version) };
  },
  mergeCompany: async ({ params, body, inTenant }) => {
    const company = await inTenant((deps) => mergeCompanies(params.companyId, body.mergeId, deps));
    return { body: company, headers: etag(company.version) };
  },
});
