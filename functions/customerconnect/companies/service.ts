import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { Company, CompanyParams, CreateCompanyBody, ListCompaniesQuery } from './schemas';

/**
 * Companies of customerconnect. Scaffolded by `npm run new`: say here what the
 * capability is for and why its permissions are split the way they are.
 */
export const companiesService = defineService({
  product: 'customerconnect',
  capability: 'companies',
  description: 'The companies of a tenant.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [
    { name: 'customerconnect:company:read', description: 'See companies.' },
    { name: 'customerconnect:company:write', description: 'Create companies.' },
  ],
  routes: [
    defineRoute({
      operationId: 'listCompanies',
      method: 'GET',
      path: '/v1/customerconnect/companies',
      permission: 'customerconnect:company:read',
      summary: 'List companies',
      description: 'Newest first, a page at a time (`cursor` from the previous page).',
      query: ListCompaniesQuery,
      response: pageOf(Company),
    }),
    defineRoute({
      operationId: 'createCompany',
      method: 'POST',
      path: '/v1/customerconnect/companies',
      permission: 'customerconnect:company:write',
      summary: 'Create a company',
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
      description: "Another tenant's company, or none, is a 404.",
      params: CompanyParams,
      response: Company,
    }),
  ],
});
