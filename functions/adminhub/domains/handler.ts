import { getConfig } from '@halooid/shared/config';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { addDomain } from './add-domain';
import { listDomains } from './list-domains';
import { removeDomain } from './remove-domain';
import { domainsService } from './service';
import { dnsTxtResolver } from './txt-resolver';
import { verifyDomain } from './verify-domain';

// The VPC resolver in AWS; the local stand-in where DNS_SERVERS names it.
const resolver = dnsTxtResolver(getConfig().DNS_SERVERS?.split(',').filter(Boolean));

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(domainsService, {
  listDomains: async ({ query, inTenant }) => ({ body: await inTenant((deps) => listDomains(query, deps)) }),
  addDomain: async ({ body, inTenant }) => {
    const domain = await inTenant((deps) => addDomain(body, deps));
    return { body: domain, headers: { Location: `/v1/adminhub/domains/${domain.id}` } };
  },
  verifyDomain: async ({ params, inTenant }) => ({
    body: await verifyDomain(params.domainId, { inTenant, resolver }),
  }),
  removeDomain: async ({ params, inTenant }) => {
    await inTenant((deps) => removeDomain(params.domainId, deps));
    return { status: 204, body: undefined };
  },
});
