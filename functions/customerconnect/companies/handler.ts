import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag } from '@halooid/shared/http/versioning';
import { createCompany } from './create-company';
import { getCompany } from './get-company';
import { listCompanies } from './list-companies';
import { companiesService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(companiesService, {
  listCompanies: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listCompanies(query, deps)),
  }),
  createCompany: async ({ body, inTenant }) => {
    const company = await inTenant((deps) => createCompany(body, deps));
    return {
      body: company,
      headers: { Location: `/v1/customerconnect/companies/${company.id}`, ...etag(company.version) },
    };
  },
  getCompany: async ({ params, inTenant }) => {
    const company = await inTenant((deps) => getCompany(params.companyId, deps));
    return { body: company, headers: etag(company.version) };
  },
});
