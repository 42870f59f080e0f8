import { NotFoundError } from '@halooid/shared/errors';
import { type Address, COMPANY_SIZES, type CompanySize, normalizeDomain } from '../domain/company';
import { selectCompany } from '../domain/company-repository';
import { loadFields } from '../domain/custom-fields';
import { activeMembersByEmail } from '../domain/members';
import { unionTags } from '../domain/merge';
import {
  cellList,
  checkedRowInput,
  type ImportMatch,
  type ImportRequest,
  type RecordImportResult,
  runImport,
} from '../domain/record-import';
import { visibilityOf } from '../domain/visibility';
import { type CreateCompanyDeps, createCompany } from './create-company';
import { companiesByDomains } from './repository';
import { CreateCompanyBody, type CreateCompanyInput, type UpdateCompanyInput } from './schemas';
import { updateCompany } from './update-company';

type Field =
  | 'name'
  | 'domain'
  | 'industry'
  | 'size'
  | 'phone'
  | 'website'
  | 'owner'
  | 'tags'
  | 'street'
  | 'streetExtra'
  | 'city'
  | 'region'
  | 'postalCode'
  | 'country';

const FIELDS: readonly Field[] = [
  'name',
  'domain',
  'industry',
  'size',
  'phone',
  'website',
  'owner',
  'tags',
  'street',
  'streetExtra',
  'city',
  'region',
  'postalCode',
  'country',
];

/**
 * Header → field after lower-casing and dropping everything but letters
 * ("Company Domain Name" → "companydomainname"), including the names HubSpot
 * and Twenty export under, and this API's own export.
 */
const ALIASES: Record<string, Field> = {
  name: 'name',
  companyname: 'name',
  company: 'name',
  domain: 'domain',
  companydomain: 'domain',
  companydomainname: 'domain',
  domainname: 'domain',
  domainnameprimarylinkurl: 'domain',
  industry: 'industry',
  size: 'size',
  companysize: 'size',
  employees: 'size',
  numberofemployees: 'size',
  phone: 'phone',
  phonenumber: 'phone',
  website: 'website',
  websiteurl: 'website',
  url: 'website',
  owner: 'owner',
  companyowner: 'owner',
  owneremail: 'owner',
  accountowner: 'owner',
  tags: 'tags',
  street: 'street',
  streetaddress: 'street',
  address: 'street',
  addressline: 'street',
  addressaddressstreet: 'street',
  streetextra: 'streetExtra',
  streetaddresstwo: 'streetExtra',
  city: 'city',
  addressaddresscity: 'city',
  region: 'region',
  state: 'region',
  stateregion: 'region',
  addressaddressstate: 'region',
  postalcode: 'postalCode',
  zip: 'postalCode',
  zipcode: 'postalCode',
  postcode: 'postalCode',
  addressaddresspostcode: 'postalCode',
  country: 'country',
  countrycode: 'country',
  countryregion: 'country',
  addressaddresscountry: 'country',
};

const ADDRESS_PARTS: Partial<Record<Field, keyof Address>> = {
  street: 'line1',
  streetExtra: 'line2',
  city: 'city',
  region: 'region',
  postalCode: 'postalCode',
  country: 'country',
};

/** Where a schema issue or a use-case error's path (`address.country`) lands in the file. */
function fieldOfPath(path: readonly (string | number | symbol)[]): Field | `custom.${string}` | undefined {
  const [first, second] = path.map(String);
  switch (first) {
    case 'ownerId':
      return 'owner';
    case 'address': {
      const part = Object.entries(ADDRESS_PARTS).find(([, key]) => key === second);
      return (part?.[0] as Field | undefined) ?? 'street';
    }
    case 'custom':
      return second ? `custom.${second}` : undefined;
    case 'name':
    case 'domain':
    case 'industry':
    case 'size':
    case 'phone':
    case 'website':
    case 'tags':
      return first;
    default:
      return undefined;
  }
}

/** A size bucket from its name (`11-50`) or a head count (`42` → `11-50`). */
export function sizeOf(text: string): CompanySize | undefined {
  const compact = text.replace(/\s|employees?/gi, '');
  if ((COMPANY_SIZES as readonly string[]).includes(compact)) return compact as CompanySize;
  if (!/^\d{1,9}$/.test(compact)) return undefined;
  const count = Number(compact);
  if (count <= 10) return '1-10';
  if (count <= 50) return '11-50';
  if (count <= 200) return '51-200';
  if (count <= 1000) return '201-1000';
  if (count <= 5000) return '1001-5000';
  return '5000+';
}

/** The row's duplicate key: its domain, or the website's host. */
function domainOf(input: CreateCompanyInput): string | null {
  if (input.domain) return input.domain;
  return input.website ? normalizeDomain(input.website) : null;
}

/**
 * Imports companies from CSV (domain/record-import.ts: mapping, dedupe by
 * normalized domain — or the website's host — and a per-row report). Rows
 * are created and updated through the same use cases as POST and PATCH
 * /companies, each behind a savepoint, in the caller's one transaction.
 * Owners are found by email, all looked up once.
 */
export async function importCompanies(
  request: ImportRequest,
  deps: CreateCompanyDeps,
): Promise<RecordImportResult> {
  const { tx, principal } = deps;
  const visibility = await visibilityOf(tx, principal, 'company');
  const customFields = await loadFields(tx, principal.tenantId, 'company');
  let owners = new Map<string, string>();

  return runImport<Field, CreateCompanyInput>(tx, request, {
    aliases: ALIASES,
    fields: FIELDS,
    required: ['name'],
    customFields,
    async prepare(cells) {
      owners = await activeMembersByEmail(tx, cells('owner'));
    },
    toInput(cell, custom, report) {
      const candidate: Record<string, unknown> = { name: cell('name') };
      for (const field of ['domain', 'industry', 'phone', 'website'] as const)
        if (cell(field)) candidate[field] = cell(field);
      if (cell('size')) {
        const size = sizeOf(cell('size'));
        if (size) candidate.size = size;
        else report('size', `"${cell('size')}" is not a head count or one of: ${COMPANY_SIZES.join(', ')}.`);
      }
      if (cell('owner')) {
        const owner = owners.get(cell('owner').toLowerCase());
        if (owner) candidate.ownerId = owner;
        else report('owner', `No active user has the email "${cell('owner')}".`);
      }
      if (cell('tags')) candidate.tags = cellList(cell('tags'));
      const address: Record<string, string> = {};
      for (const [field, key] of Object.entries(ADDRESS_PARTS) as [Field, keyof Address][])
        if (cell(field)) address[key] = cell(field);
      if (Object.keys(address).length > 0) candidate.address = address;
      return checkedRowInput(
        candidate,
        custom,
        { customFields, schema: CreateCompanyBody, fieldOfPath },
        report,
      );
    },
    matchKeys: (input) => {
      const domain = domainOf(input);
      return domain ? [domain] : [];
    },
    async findMatches(keys) {
      const found = await companiesByDomains(tx, principal.tenantId, keys, visibility);
      return new Map<string, ImportMatch>(found);
    },
    // Matches were looked up for the whole file (and rows register what they create), so no second check.
    newId: deps.newId,
    create: (input, _force, id) => createCompany({ ...input, force: true }, deps, id),
    async update(id, input, present) {
      const current = await selectCompany(tx, principal.tenantId, id, visibility);
      if (!current) throw new NotFoundError('Company');
      const changes: Omit<UpdateCompanyInput, 'version'> = {};
      if (present.has('name')) changes.name = input.name;
      if (present.has('industry')) changes.industry = input.industry ?? null;
      if (present.has('size')) changes.size = input.size ?? null;
      if (present.has('phone')) changes.phone = input.phone ?? null;
      if (present.has('website')) changes.website = input.website ?? null;
      if (present.has('owner')) changes.ownerId = input.ownerId ?? null;
      if (input.tags) changes.tags = unionTags(current.tags, input.tags);
      if (input.address) changes.address = { ...(current.address ?? {}), ...input.address };
      if (input.custom) changes.custom = input.custom;
      return updateCompany(id, current.version, changes, deps);
    },
    fieldOfPath,
  });
}
