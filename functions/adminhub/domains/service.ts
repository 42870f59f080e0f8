import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { AddDomainBody, Domain, DomainParams, ListDomainsQuery } from './schemas';

/**
 * Verified domains: the organization proves it holds a DNS name by
 * publishing a TXT challenge, checked through DNS (the VPC resolver in AWS,
 * a local stand-in in `npm run dev`). A domain is verified by one
 * organization at most. Permissions are the organization's: the domains are
 * part of its profile.
 */
export const domainsService = defineService({
  product: 'adminhub',
  capability: 'domains',
  description: "The organization's domains and their DNS verification.",
  resources: { database: true },
  emits: [{ type: 'domain.verified' }],
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listDomains',
      method: 'GET',
      path: '/v1/adminhub/domains',
      permission: 'adminhub:organization:read',
      summary: 'List domains',
      description:
        'Newest first, a page at a time, each with its status and the TXT record that verifies it.',
      query: ListDomainsQuery,
      response: pageOf(Domain),
    }),
    defineRoute({
      operationId: 'addDomain',
      method: 'POST',
      path: '/v1/adminhub/domains',
      permission: 'adminhub:organization:write',
      summary: 'Add a domain to verify',
      description:
        'Answers the TXT record to publish (`halooid-verification=<token>` at the domain itself), then call verify. A domain the organization already has is a 409 `domain_exists` naming it (`existingId`).',
      body: AddDomainBody,
      status: 201,
      response: Domain,
    }),
    defineRoute({
      operationId: 'verifyDomain',
      method: 'POST',
      path: '/v1/adminhub/domains/{domainId}/verify',
      permission: 'adminhub:organization:write',
      summary: 'Check the TXT record and verify the domain',
      description:
        'Looks the TXT records of the domain up in DNS. Found: the domain is verified and `adminhub.domain.verified` is emitted. Not found: 422 `verification_failed` (the check is recorded); DNS not answering: 422 `dns_lookup_failed`. A domain another organization has verified is a 409 `domain_taken`. A verified domain is answered as it is.',
      params: DomainParams,
      response: Domain,
    }),
    defineRoute({
      operationId: 'removeDomain',
      method: 'DELETE',
      path: '/v1/adminhub/domains/{domainId}',
      permission: 'adminhub:organization:write',
      summary: 'Remove a domain',
      description: 'Verified or not; another organization may then verify it.',
      params: DomainParams,
      status: 204,
    }),
  ],
});
