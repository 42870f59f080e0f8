import { defineRoute, defineService } from '@halooid/shared/manifest';
import { Organization, UpdateOrganizationBody } from './schemas';

/**
 * The organization's profile: name, logo, locale, time zone, fiscal year and
 * currency. It is the platform's tenant record, not a copy (settings.profile
 * in platform.tenants); enabled products change through PATCH
 * /v1/tenants/current, business units and locations are Qultrix's
 * departments and locations.
 */
export const organizationService = defineService({
  product: 'adminhub',
  capability: 'organization',
  description: "The organization's profile: name, logo, locale, time zone, fiscal year and currency.",
  resources: { database: true },
  permissions: [
    { name: 'adminhub:organization:read', description: "See the organization's profile and domains." },
    {
      name: 'adminhub:organization:write',
      description: "Change the organization's profile, add, verify and remove its domains.",
    },
  ],
  routes: [
    defineRoute({
      operationId: 'getOrganization',
      method: 'GET',
      path: '/v1/adminhub/organization',
      permission: 'adminhub:organization:read',
      summary: 'The organization',
      description:
        'Name, profile and enabled products of the tenant named by X-Tenant-Id (the same record as GET /v1/tenants/current). `fiscalYearStartMonth` is 1 (January) until set.',
      response: Organization,
    }),
    defineRoute({
      operationId: 'updateOrganization',
      method: 'PATCH',
      path: '/v1/adminhub/organization',
      permission: 'adminhub:organization:write',
      summary: 'Change the organization',
      description:
        'Only the fields sent change; `null` clears an optional one. The logo is an https URL; the locale a BCP 47 tag, the time zone an IANA name and the currency an ISO 4217 code, each stored in canonical form. Enabled products change through PATCH /v1/tenants/current. Audited as `adminhub.organization.updated` with each changed value before and after.',
      body: UpdateOrganizationBody,
      response: Organization,
    }),
  ],
});
