import { PostalAddress, PostalAddressView } from '@halooid/shared/address';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';
import { CustomValues } from './custom-fields';
import type { CompanySnapshot } from './snapshots';

/**
 * The company (account) as the API shows it and the fields a write may send,
 * shared by the companies capability, its import and lead conversion. The
 * duplicate key is the normalized `domain` (normalizeDomain).
 */
export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;
export const CompanySize = z.enum(COMPANY_SIZES);
export type CompanySize = z.infer<typeof CompanySize>;

/** The postal address every product shares (shared/src/address.ts), under the names this product uses. */
export const Address = PostalAddress;
export type Address = PostalAddress;
export const AddressView = PostalAddressView;

const HOST_PATTERN =
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The duplicate key of a company: the lower-case host of a domain or URL
 * without scheme, user, port, path, `www.` or a trailing dot
 * (`https://www.Acme.com/about` → `acme.com`); international names in their
 * punycode form. Null when `raw` holds no plausible host name.
 */
export function normalizeDomain(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let host: string;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    return null;
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  return HOST_PATTERN.test(host) ? host : null;
}

/** A domain or URL in a request, stored normalized; one that holds no host name is a 400. */
export const CompanyDomain = z
  .string()
  .max(2048)
  .transform((value, ctx) => {
    const host = normalizeDomain(value);
    if (host === null) {
      ctx.issues.push({
        code: 'custom',
        message: 'A domain such as acme.com (a URL is fine too).',
        input: value,
      });
      return z.NEVER;
    }
    return host;
  })
  .meta({ description: 'Stored as the lower-case host without scheme, `www.` or path: the duplicate key.' });

const Tag = z.string().trim().min(1).max(50);
export const Tags = z
  .array(Tag)
  .max(50)
  .transform((tags) => [...new Set(tags)]);

export const Website = z
  .string()
  .trim()
  .max(2048)
  .regex(/^https?:\/\/\S+$/i, 'An http(s) URL.');

export const Company = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  size: CompanySize.nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  address: AddressView.nullable(),
  ownerId: z.uuid().nullable(),
  tags: z.array(z.string()),
  custom: CustomValues,
  mergedInto: z.uuid().nullable().meta({
    description:
      'Set on a tombstone (a company merged into another); reads of its id answer with the survivor.',
  }),
  mergedAt: z.iso.datetime().nullable(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Company = z.infer<typeof Company>;

/** The writable fields, as create accepts them (update takes the same, each optional). */
export const companyFields = {
  name: displayText().min(1, 'Name the company.').max(200),
  domain: CompanyDomain.nullable().optional(),
  industry: displayText().max(100).nullable().optional(),
  size: CompanySize.nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  website: Website.nullable().optional(),
  address: Address.nullable().optional(),
  ownerId: z.uuid().nullable().optional().meta({ description: 'A user of the tenant; defaults to you.' }),
  tags: Tags.optional(),
  custom: CustomValues.optional(),
};

/** The plain (non-custom) fields a change or a merge compares, in API names. */
export const COMPANY_PLAIN_FIELDS = [
  'name',
  'domain',
  'industry',
  'size',
  'phone',
  'website',
  'address',
  'ownerId',
  'tags',
] as const satisfies readonly (keyof Company)[];

export function companySnapshot(company: Company): CompanySnapshot {
  return { id: company.id, name: company.name, domain: company.domain, ownerId: company.ownerId };
}
