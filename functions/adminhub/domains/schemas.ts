import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';
import { DomainName } from './domain-name';

/** What a tenant publishes to prove it holds a domain: `halooid-verification=<token>` as a TXT record of it. */
export const TXT_PREFIX = 'halooid-verification=';

export const Domain = z.object({
  id: z.uuid(),
  domain: z.string(),
  status: z.enum(['pending', 'verified']),
  txtRecord: z
    .object({ name: z.string(), type: z.literal('TXT'), value: z.string() })
    .meta({ description: 'The record to publish at the DNS provider.' }),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  lastCheckedAt: z.iso.datetime().nullable(),
  verifiedAt: z.iso.datetime().nullable(),
});
export type Domain = z.infer<typeof Domain>;

export const DomainParams = z.strictObject({ domainId: z.uuid() });

export const AddDomainBody = z.strictObject({ domain: DomainName });
export type AddDomainInput = z.output<typeof AddDomainBody>;

export const ListDomainsQuery = z.strictObject({ ...paginationQuery });
export type ListDomainsQuery = z.output<typeof ListDomainsQuery>;
